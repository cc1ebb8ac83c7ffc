import type { Culture } from './parts.ts';
import { parts, pickDistinct } from './parts.ts';

// Arabic script, then Latin spellings as they occur in passports and police records across the
// Levant (English-style), Egypt and the Maghreb (French-style).
const MALE = parts(`
  محمد|Mohammed|Muhammad|Mohamed|Mohamad|Muhammed, أحمد|Ahmed|Ahmad, علي|Ali, حسن|Hassan|Hasan, حسين|Hussein|Husain|Hussain|Hossein,
  عمر|Omar|Umar, خالد|Khaled|Khalid, يوسف|Youssef|Yusuf|Yousef|Youssouf, إبراهيم|Ibrahim|Ebrahim, عبد الله|Abdullah|Abdallah|Abdulla,
  عبد الرحمن|Abdulrahman|Abdel Rahman|Abderrahmane, مصطفى|Mustafa|Moustafa|Mostafa, محمود|Mahmoud|Mahmud, سعيد|Said|Saeed|Saïd,
  كريم|Karim|Kareem, طارق|Tariq|Tarek|Tarik, ياسر|Yasser|Yasir, حمزة|Hamza|Hamzah, بلال|Bilal, سامي|Sami|Samy, نبيل|Nabil|Nabeel,
  جمال|Jamal|Gamal|Djamel, رشيد|Rachid|Rashid|Rasheed, عادل|Adel|Adil, فيصل|Faisal|Faysal, ماجد|Majed|Majid, وليد|Walid|Waleed,
  زياد|Ziad|Ziyad, منصور|Mansour|Mansur, ناصر|Nasser|Nasir, صالح|Saleh|Salih, فارس|Fares|Faris, أنس|Anas, عماد|Imad|Emad,
  سليمان|Suleiman|Sulayman|Slimane, إسماعيل|Ismail|Ismael, هشام|Hisham|Hicham, عثمان|Othman|Osman|Uthman, رامي|Rami|Ramy,
  أيمن|Ayman|Aymen, مراد|Mourad|Murad, جعفر|Jaafar|Jafar, قاسم|Qasim|Kassem|Kacem, عبد العزيز|Abdulaziz|Abdelaziz, نور الدين|Noureddine|Nour al-Din|Nuraddin,
  إلياس|Elias|Ilyas, أسامة|Osama|Usama|Oussama, عمار|Ammar, حيدر|Haidar|Haider, مهدي|Mahdi|Mehdi, كمال|Kamal|Kamel, إدريس|Idris|Driss
`);

const FEMALE = parts(`
  فاطمة|Fatima|Fatma|Fatimah, عائشة|Aisha|Aicha|Ayesha, مريم|Maryam|Mariam|Meriem, زينب|Zainab|Zeinab|Zaynab, خديجة|Khadija|Khadidja|Khadijah,
  نور|Nour|Noor|Nur, سارة|Sara|Sarah, ليلى|Layla|Leila|Laila, هدى|Huda|Houda|Hoda, أمينة|Amina|Aminah, سلمى|Salma|Selma,
  ياسمين|Yasmin|Yasmine|Jasmin, رانيا|Rania|Raniya, دعاء|Doaa|Duaa|Dua, حنان|Hanan, سميرة|Samira|Sameera, نادية|Nadia|Nadiya,
  رشا|Rasha, هالة|Hala, ريم|Reem|Rim, لينا|Lina, منى|Mona|Muna, إيمان|Iman|Eman, أسماء|Asma|Asmaa, وفاء|Wafa|Wafaa,
  جميلة|Jamila|Djamila, نجلاء|Najla|Naglaa, سعاد|Souad|Suad, رحمة|Rahma, بشرى|Bushra|Bouchra, هبة|Heba|Hiba,
  شيماء|Shaimaa|Chaimae|Shayma, دينا|Dina, غادة|Ghada, سناء|Sanaa|Sana, رقية|Ruqayya|Roqia, حليمة|Halima|Halimah, نوال|Nawal
`);

const FAMILY = parts(`
  العلي|Al-Ali|Alali|El Ali, الحسيني|Al-Husseini|El Husseini, المصري|Al-Masri|El Masry|Elmasri, الشامي|Al-Shami|Chami,
  الخطيب|Al-Khatib|El Khatib, حداد|Haddad, منصور|Mansour|Mansur, عيسى|Issa|Eissa, حمدان|Hamdan, الزين|Al-Zein|El Zein|Zein,
  الأحمد|Al-Ahmad|Al-Ahmed, السيد|Al-Sayed|El Sayed|Elsayed, البغدادي|Al-Baghdadi|Baghdadi, التميمي|Al-Tamimi|Tamimi,
  الجبوري|Al-Jubouri|Al-Juburi|Jbouri, العبيدي|Al-Obaidi|Al-Ubaydi, الدليمي|Al-Dulaimi|Al-Dulaymi, الكردي|Al-Kurdi|Kurdi,
  بن علي|Ben Ali|Bin Ali, بن سالم|Ben Salem|Bin Salim, الفاسي|El Fassi|Al-Fasi, العمراني|El Amrani|Al-Imrani, بوزيد|Bouzid|Bu Zayd,
  بن عمر|Benomar|Ben Omar, الحلبي|Al-Halabi|Halabi, الساعدي|Al-Saadi|Saadi, النجار|Al-Najjar|Najjar|El Naggar,
  السوداني|Al-Sudani|El Soudani, عثمان|Osman|Othman, إبراهيم|Ibrahim, يوسف|Youssef|Yousef, حسين|Hussein|Hussain,
  الهاشمي|Al-Hashimi|El Hachemi, الرفاعي|Al-Rifai|Rifai, قاسم|Kassem|Qasim, الشريف|Al-Sharif|Cherif|Sharif, عزيز|Aziz,
  حجازي|Hijazi|Hegazy|Hegazi, العنزي|Al-Anazi|Al-Enezi, الشمري|Al-Shammari|Shammari, المغربي|Al-Maghribi|El Maghrebi,
  الطرابلسي|Al-Trabulsi|Trabelsi, البنغازي|Al-Benghazi, الزاوي|Al-Zawi|Zaoui, عبد الرحمن|Abdelrahman|Abdulrahman,
  الخوري|Al-Khoury|Khoury|Khouri, درويش|Darwish|Derwich, سليمان|Suleiman|Sleiman, العطار|Al-Attar|Attar, الفقي|El Fiky|Al-Faqih
`);

export const arabic: Culture = {
  id: 'arabic',
  script: 'Arab',
  familyFirst: false,
  middleInLatin: true,
  maidenNames: false,
  nationalities: [['SYR', 4], ['IRQ', 3], ['EGY', 3], ['MAR', 3], ['LBY', 2], ['SDN', 2]],
  languages: ['ar', 'en', 'fr'],
  surname: (rng) => [rng.pick(FAMILY)],
  compose(rng, sex) {
    const given = [rng.pick(sex === 'male' ? MALE : FEMALE)];
    // A father's name usually follows the given name; some records add the grandfather's.
    const middle = rng.chance(0.7) ? pickDistinct(rng, MALE, rng.chance(0.15) ? 2 : 1) : [];
    const family = rng.chance(0.88) ? [rng.pick(FAMILY)] : [rng.pick(MALE)];
    return { given, middle, family };
  },
};
