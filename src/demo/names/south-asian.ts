import type { Random } from '../random.ts';
import type { Culture, DemoSex, Part } from './parts.ts';
import { parts, pickDistinct } from './parts.ts';

const IN_MALE = parts(`Rahul, Amit, Rajesh, Suresh, Vijay, Sanjay, Anil, Sunil, Ravi, Arjun, Vikram, Manoj, Deepak, Ramesh,
  Pradeep, Ashok, Sandeep, Rohit, Mohan, Krishna, Venkatesh|Venkatesh|Venkatesan, Srinivas|Srinivas|Srinivasan, Karthik|Karthik|Kartik,
  Arun, Prakash, Naveen, Ajay, Nikhil, Sachin, Rakesh, Harish, Gopal, Dinesh, Mahesh, Sumit`);
const IN_FEMALE = parts(`Priya, Anjali, Sunita, Pooja|Pooja|Puja, Neha, Kavita|Kavita|Kavitha, Anita, Lakshmi|Lakshmi|Laxmi, Meena, Rekha,
  Deepa, Divya, Shalini, Swati, Geeta|Geeta|Gita, Radha, Sita, Asha, Shreya, Nisha, Jyoti, Parvati, Usha, Sangeeta, Savita, Poonam`);
const IN_FAMILY = parts(`Sharma, Verma, Gupta, Kumar, Patel, Shah, Reddy, Rao, Nair, Iyer, Menon, Pillai, Joshi, Mehta, Desai,
  Kapoor, Malhotra, Chopra, Agarwal|Agarwal|Aggarwal, Banerjee, Chatterjee, Mukherjee, Das, Bose, Yadav, Mishra, Pandey, Tiwari,
  Chauhan, Naidu, Thakur, Bhatt, Saxena, Jain, Kulkarni, Chaudhary|Chaudhary|Choudhary`);
const SIKH_MALE = parts('Harpreet, Gurpreet, Manpreet, Jaswinder, Harjit, Sukhwinder, Amrit, Baljit, Paramjit, Kuldeep');
const SIKH_FEMALE = parts('Harpreet, Gurpreet, Manpreet, Jaswinder, Simran, Navneet, Amandeep, Rajwinder, Kiran, Sandeep');
const [SINGH, KAUR] = parts('Singh, Kaur');

export const indian: Culture = {
  id: 'indian', script: 'Latn', familyFirst: false, middleInLatin: true, maidenNames: true,
  nationalities: [['IND', 1]], languages: ['hi', 'en', 'pa'],
  surname: (rng) => [rng.pick(IN_FAMILY)],
  compose(rng, sex) {
    // Sikh names share given names across sexes; the surname is Singh or Kaur.
    if (rng.chance(0.12)) return { given: [rng.pick(sex === 'male' ? SIKH_MALE : SIKH_FEMALE)], middle: [], family: [sex === 'male' ? SINGH : KAUR] };
    const middle = sex === 'male' && rng.chance(0.15) ? [rng.pick(IN_MALE)] : [];
    return { given: [rng.pick(sex === 'male' ? IN_MALE : IN_FEMALE)], middle, family: [rng.pick(IN_FAMILY)] };
  },
};

// Muhammad as a first element is written many ways, and Bangladeshi records often shorten it to Md.
const [PK_MUHAMMAD] = parts('Muhammad|Muhammad|Mohammad|Mohammed|Muhammed');
const [BD_MOHAMMAD] = parts('Mohammad|Mohammad|Md.|Md|Muhammad|Mohammed');

const PK_MALE = parts(`Ali, Imran, Asif, Kamran, Faisal, Usman|Usman|Osman, Bilal, Hamza, Zubair, Tariq, Shahid, Waqar, Naveed,
  Adnan, Junaid, Fahad, Rizwan, Saqib, Irfan, Arslan, Nadeem, Aamir|Aamir|Amir, Sajid, Babar, Khurram, Zeeshan, Waseem|Waseem|Wasim`);
const PK_FEMALE = parts(`Ayesha|Ayesha|Aisha, Fatima, Sana, Saima, Nadia, Rabia, Hina, Amna, Sadia, Bushra, Samina, Shazia, Farah,
  Mehwish, Uzma, Nazia, Kiran, Zainab, Iqra, Maryam, Nimra, Asma, Rukhsana`);
const PK_FAMILY = parts(`Khan, Ahmed|Ahmed|Ahmad, Malik, Hussain|Hussain|Hussein|Husain, Butt, Qureshi|Qureshi|Quraishi, Chaudhry|Chaudhry|Choudhry,
  Sheikh|Sheikh|Shaikh, Raza, Javed|Javed|Javaid, Iqbal, Akhtar, Abbasi, Siddiqui, Mirza, Rana, Bhatti, Awan, Shah, Baig|Baig|Beg,
  Ansari, Jatt, Cheema, Gondal, Afridi, Yousafzai, Mughal, Niazi`);

export const pakistani: Culture = {
  id: 'pakistani', script: 'Latn', familyFirst: false, middleInLatin: true, maidenNames: true,
  nationalities: [['PAK', 1]], languages: ['ur', 'pa', 'en'],
  surname: (rng) => [rng.pick(PK_FAMILY)],
  compose(rng, sex) {
    const given: Part[] = sex === 'male'
      ? (rng.chance(0.4) ? [PK_MUHAMMAD, rng.pick(PK_MALE)] : [rng.pick(PK_MALE)])
      : pickDistinct(rng, PK_FEMALE, rng.chance(0.15) ? 2 : 1);
    return { given, middle: [], family: [rng.pick(PK_FAMILY)] };
  },
};

const BD_MALE = parts(`Abdul, Rahim, Karim, Rafiq|Rafiq|Rafique, Shafiq|Shafiq|Shafique, Jamal, Kamal, Habib, Anwar, Mizanur, Mahbub,
  Shahidul, Aminul, Rezaul, Saiful, Nazrul, Mostafizur|Mostafizur|Mustafizur, Tanvir, Sumon, Rashed, Jahangir, Alamgir, Monir`);
const BD_FEMALE = parts(`Nasrin, Shirin, Rokeya, Taslima, Farzana, Sharmin, Nasima, Shahnaz, Rina, Moushumi|Moushumi|Mousumi, Shilpi,
  Sultana, Parveen|Parveen|Parvin, Rehana, Jahanara, Ruma, Lipi, Mitu, Tania, Sabina, Hasina, Salma, Fahima`);
const BD_FAMILY = parts(`Rahman, Hossain|Hossain|Hussain|Hosen, Islam, Ahmed, Uddin, Chowdhury|Chowdhury|Choudhury, Khan, Miah|Miah|Mia,
  Sarker|Sarker|Sarkar, Haque|Haque|Hoque|Huq, Alam, Talukder, Mollah|Mollah|Molla, Sikder, Bhuiyan|Bhuiyan|Bhuiya, Mondal|Mondal|Mandal,
  Sheikh, Karim, Kabir, Biswas, Roy, Paul`);
// Many women's records carry Akter, Begum or Khatun where a man's carry a family name.
const BD_FEMALE_FAMILY = parts('Akter|Akter|Akhter|Aktar, Begum, Khatun|Khatun|Khatoon');

function bdSurname(rng: Random, sex: DemoSex): Part {
  return sex === 'female' && rng.chance(0.5) ? rng.pick(BD_FEMALE_FAMILY) : rng.pick(BD_FAMILY);
}

export const bangladeshi: Culture = {
  id: 'bangladeshi', script: 'Latn', familyFirst: false, middleInLatin: true, maidenNames: false,
  nationalities: [['BGD', 1]], languages: ['bn', 'en'],
  surname: (rng, sex) => [bdSurname(rng, sex)],
  compose(rng, sex) {
    const given: Part[] = sex === 'male'
      ? (rng.chance(0.45) ? [BD_MOHAMMAD, rng.pick(BD_MALE)] : [rng.pick(BD_MALE)])
      : [rng.pick(BD_FEMALE)];
    return { given, middle: [], family: [bdSurname(rng, sex)] };
  },
};
