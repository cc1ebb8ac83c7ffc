import type { Culture, DemoSex, Part } from './parts.ts';
import { parts, simpleCulture } from './parts.ts';
import type { Random } from '../random.ts';

// Christian first names common in southern Nigeria and Ghana; many trafficking victims' records carry them.
const CHRISTIAN_MALE = parts('Emmanuel, Samuel, Daniel, John, Godwin, Felix, Sunday, Friday, Peter, Joseph, Isaac, Prince, Ebenezer, Richard, Michael, Stephen');
const CHRISTIAN_FEMALE = parts('Blessing, Precious, Joy, Peace, Favour, Gift, Mercy, Comfort, Patience, Grace, Gifty, Abigail, Esther, Faith, Success, Happiness');

function westAfrican(def: {
  id: string; nationalities: readonly (readonly [string, number])[]; languages: string[];
  male: Part[]; female: Part[]; family: Part[]; christian: number; secondGiven: number;
}): Culture {
  const surname = (rng: Random) => [rng.pick(def.family)];
  const first = (rng: Random, sex: DemoSex) =>
    rng.chance(def.christian) ? rng.pick(sex === 'male' ? CHRISTIAN_MALE : CHRISTIAN_FEMALE) : rng.pick(sex === 'male' ? def.male : def.female);
  return {
    id: def.id, script: 'Latn', familyFirst: false, middleInLatin: true, maidenNames: true,
    nationalities: def.nationalities, languages: def.languages, surname,
    compose(rng, sex) {
      const given = [first(rng, sex)];
      // A second, traditional name often follows an English one (Blessing Osasere, Emmanuel Kofi).
      if (rng.chance(def.secondGiven)) {
        const second = rng.pick(sex === 'male' ? def.male : def.female);
        if (second !== given[0]) given.push(second);
      }
      return { given, middle: [], family: surname(rng) };
    },
  };
}

export const yoruba = westAfrican({
  id: 'yoruba', nationalities: [['NGA', 1]], languages: ['yo', 'en', 'pcm'], christian: 0.35, secondGiven: 0.35,
  male: parts('Oluwaseun, Adebayo, Babatunde, Olumide, Ayodele, Tunde, Femi, Segun, Kayode, Gbenga, Adewale, Olusegun, Damilola, Tobi, Wale, Kunle'),
  female: parts('Folake, Adeola, Funmilayo, Yetunde, Bukola, Omolara, Temitope, Titilayo, Abimbola, Kemi, Damilola, Busola, Adunni, Morenike, Toyin, Ronke'),
  family: parts(`Adeyemi, Ogunleye, Adebayo, Balogun, Olawale, Afolabi, Oyelaran, Adewale, Ogundipe, Ojo, Adeleke, Oladipo, Akinola,
    Ayodele, Fashola, Ogunbiyi, Oyedepo, Adesina, Olatunji, Bakare`),
});

export const igbo = westAfrican({
  id: 'igbo', nationalities: [['NGA', 1]], languages: ['ig', 'en', 'pcm'], christian: 0.45, secondGiven: 0.35,
  male: parts('Chukwuemeka, Obinna, Nnamdi, Ikechukwu, Chinedu, Emeka, Uchenna, Kelechi, Chidi, Ifeanyi, Somtochukwu, Chibuike, Ebuka, Tochukwu'),
  female: parts('Ngozi, Chiamaka, Adaeze, Chioma, Nkechi, Ifeoma, Amarachi, Uchechi, Obiageli, Ebere, Chinwe, Nneka, Ogechi, Ijeoma'),
  family: parts(`Okafor, Okeke, Nwosu, Eze, Obi, Nwachukwu, Okoro, Chukwu, Onyeka, Okonkwo, Nnadi, Ibe, Anyanwu, Okoye, Uzor,
    Nwankwo, Ugwu, Onuoha, Ezeh, Obiora`),
});

// Edo State (Benin City) is the main origin of Nigerian women trafficked to Europe.
export const edo = westAfrican({
  id: 'edo', nationalities: [['NGA', 1]], languages: ['bin', 'en', 'pcm'], christian: 0.55, secondGiven: 0.4,
  male: parts('Osagie, Osaro, Efosa, Eghosa, Osamudiamen, Ikponmwosa, Uyi, Nosa, Omoruyi, Idahosa'),
  female: parts('Osasere, Eki, Efe, Ivie, Osayuwamen, Omonigho, Itohan, Ewere, Uyiosa, Izegbe'),
  family: parts('Osagie, Igbinedion, Obaseki, Ogbemudia, Omoregie, Idahosa, Edosomwan, Aigbe, Ehigiator, Osunde, Uwaifo, Ighodaro'),
});

export const hausa = westAfrican({
  id: 'hausa', nationalities: [['NGA', 3], ['NER', 2]], languages: ['ha', 'en', 'fr'], christian: 0, secondGiven: 0,
  male: parts('Abubakar, Musa, Usman, Sani, Aliyu, Bello, Ibrahim, Yusuf, Garba, Lawal, Auwal, Nasiru, Shehu, Haruna, Kabiru, Idrissa|Idrissa|Idris'),
  female: parts('Aisha, Hauwa, Zainab, Amina, Hadiza, Fatima, Maryam, Khadija, Halima, Bilkisu, Rakiya, Salamatu, Mariama, Rahila'),
  // A father's given name often serves as the surname.
  family: parts('Abdullahi, Mohammed, Bello, Yakubu, Suleiman, Danjuma, Umar, Lawal, Garba, Aliyu, Issoufou, Moussa, Mahamadou, Ousmane, Tanko'),
});

export const akan = westAfrican({
  id: 'akan', nationalities: [['GHA', 1]], languages: ['ak', 'en'], christian: 0.55, secondGiven: 0.5,
  // Day names: the weekday of birth gives the first traditional name.
  male: parts('Kwame, Kofi, Kwabena, Kwaku, Yaw, Kwasi, Kojo, Kwadwo, Fiifi, Ekow, Kweku, Kobina, Nana, Kwesi'),
  female: parts('Ama, Akosua, Adwoa, Abena, Akua, Yaa, Afua, Efua, Esi, Adjoa, Araba, Ekua, Afia, Aba'),
  family: parts(`Mensah, Owusu, Boateng, Asante, Osei, Agyeman, Appiah, Ofori, Acheampong, Amoah, Addo, Darko, Antwi, Opoku,
    Adjei, Nkrumah, Bonsu, Frimpong, Kuffour, Ansah, Quaye, Tetteh, Lamptey, Annan, Sarpong, Asamoah`),
});

const SN_FAMILY = parts(`Diop, Ndiaye, Fall, Sow, Diallo, Ba, Gueye, Faye, Sarr, Mbaye, Cissé, Sy, Seck, Thiam, Diouf, Kane, Ndour,
  Niang, Wade, Sène, Dieng, Camara, Touré, Sall, Ndao, Mbengue, Diagne, Samb`);

export const senegalese: Culture = simpleCulture({
  id: 'senegalese', maidenNames: false, nationalities: [['SEN', 1]], languages: ['wo', 'fr'], secondGiven: 0.1,
  male: parts(`Mamadou, Moussa, Ousmane, Abdoulaye, Ibrahima, Cheikh, Modou, Amadou, Babacar, Aliou, Pape, Serigne, Lamine,
    Souleymane, Mouhamed|Mouhamed|Mohamed|Muhammad, Assane, El Hadji|El Hadji|Elhadji, Saliou, Malick, Demba, Mor, Ndiaga`),
  female: parts(`Fatou|Fatou|Fatu, Aminata, Awa, Mariama, Khady|Khady|Khadija, Aïssatou|Aïssatou|Aissatou|Aissata, Ndeye, Coumba, Astou,
    Mame, Rokhaya, Adama, Bineta, Sokhna, Dieynaba, Maimouna, Seynabou, Oumou, Kiné|Kiné|Kine, Yacine`),
  surnames: { male: SN_FAMILY, female: SN_FAMILY },
});
