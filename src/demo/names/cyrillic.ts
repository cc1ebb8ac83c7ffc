import type { Culture, Part } from './parts.ts';
import { parts, pickDistinct } from './parts.ts';
import { russianLatin, ukrainianLatin } from './translit.ts';

// Entries may add a usual English spelling after `|` (Aleksandr → Alexander).
const RU_MALE_NAMES = `Александр|Alexander, Дмитрий, Максим, Сергей, Андрей, Алексей|Alexey, Артём, Илья, Кирилл, Михаил, Никита, Матвей,
  Роман, Егор, Арсений, Иван, Денис, Евгений, Даниил, Тимофей, Владислав, Игорь, Владимир, Павел, Руслан, Марк, Константин,
  Олег, Виктор, Юрий, Николай, Вячеслав, Георгий, Станислав, Борис, Григорий, Анатолий, Валерий, Лев, Фёдор`;
const RU_MALE = parts(RU_MALE_NAMES, russianLatin);
const RU_FEMALE = parts(`Анастасия, Мария, Анна, Виктория, Екатерина, Наталья|Natalia, Марина, Полина, София, Дарья, Алиса, Ксения,
  Александра, Елена, Ольга, Татьяна, Ирина, Светлана, Юлия, Людмила, Валентина, Галина, Надежда, Вера, Любовь, Оксана,
  Кристина, Алина, Евгения, Яна, Вероника, Лариса, Жанна, Тамара`, russianLatin);
const RU_SURNAMES = `Иванов, Смирнов, Кузнецов, Попов, Васильев, Петров, Соколов, Михайлов, Новиков, Фёдоров, Морозов, Волков,
  Алексеев, Лебедев, Семёнов, Егоров, Павлов, Козлов, Степанов, Николаев, Орлов, Андреев, Макаров, Никитин, Захаров, Зайцев,
  Соловьёв, Борисов, Яковлев, Григорьев, Романов, Воробьёв, Сергеев, Фролов, Белов, Медведев, Тарасов, Ковалёв, Ильин, Гусев,
  Титов, Кудрявцев, Баранов, Куликов, Жуков, Виноградов, Богданов, Осипов, Сидоров, Матвеев, Крылов, Вишневский, Покровский,
  Успенский, Толстой, Шевцов, Абрамов, Гаврилов, Карпов, Дьяченко`;

/** Russian surnames agree with the bearer's sex: Иванов → Иванова, Вишневский → Вишневская, Толстой → Толстая. */
export function russianFeminine(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  if (/(ский|цкий)$/.test(surname)) return `${surname.slice(0, -2)}ая`;
  if (/ой$/.test(surname)) return `${surname.slice(0, -2)}ая`;
  return surname;
}

const IRREGULAR_PATRONYMICS: Record<string, [string, string]> = {
  Илья: ['Ильич', 'Ильинична'], Михаил: ['Михайлович', 'Михайловна'], Никита: ['Никитич', 'Никитична'],
  Павел: ['Павлович', 'Павловна'], Лев: ['Львович', 'Львовна'], Юрий: ['Юрьевич', 'Юрьевна'],
  Арсений: ['Арсеньевич', 'Арсеньевна'], Евгений: ['Евгеньевич', 'Евгеньевна'], Анатолий: ['Анатольевич', 'Анатольевна'],
  Валерий: ['Валерьевич', 'Валерьевна'], Григорий: ['Григорьевич', 'Григорьевна'], Фёдор: ['Фёдорович', 'Фёдоровна'],
};

/** The patronymic a father's given name gives his son or daughter: Сергей → Сергеевич / Сергеевна. */
export function russianPatronymic(father: string, sex: 'male' | 'female'): string {
  const irregular = IRREGULAR_PATRONYMICS[father];
  if (irregular) return irregular[sex === 'male' ? 0 : 1];
  const [m, f] = ['ич', 'на'];
  if (/ий$/.test(father)) return `${father.slice(0, -1)}ев${sex === 'male' ? m : f}`;
  if (/[еа]й$/.test(father)) return `${father.slice(0, -1)}ев${sex === 'male' ? m : f}`;
  if (/ь$/.test(father)) return `${father.slice(0, -1)}ев${sex === 'male' ? m : f}`;
  return `${father}ов${sex === 'male' ? m : f}`;
}

const RU_FATHERS = RU_MALE_NAMES.split(',').map((s) => s.split('|')[0].trim());
const RU_PATRONYMICS = {
  male: RU_FATHERS.map((f) => parts(russianPatronymic(f, 'male'), russianLatin)[0]),
  female: RU_FATHERS.map((f) => parts(russianPatronymic(f, 'female'), russianLatin)[0]),
};
const RU_FAMILY = {
  male: parts(RU_SURNAMES, russianLatin),
  female: parts(RU_SURNAMES.split(',').map((s) => russianFeminine(s.trim())).join(','), russianLatin),
};

export const russian: Culture = {
  id: 'russian',
  script: 'Cyrl',
  familyFirst: false,
  // International passports carry no patronymic; internal records and court papers do.
  middleInLatin: false,
  maidenNames: true,
  nationalities: [['RUS', 9], ['UKR', 1]],
  languages: ['ru', 'en'],
  surname: (rng, sex) => [rng.pick(RU_FAMILY[sex])],
  compose(rng, sex) {
    const i = rng.int(RU_FAMILY.male.length);
    return {
      given: [rng.pick(sex === 'male' ? RU_MALE : RU_FEMALE)],
      middle: [rng.pick(RU_PATRONYMICS[sex])],
      family: [RU_FAMILY[sex][i]],
    };
  },
};

const UK_MALE = parts(`Олександр, Андрій, Сергій, Дмитро, Володимир, Олег, Микола, Іван, Василь, Віктор, Юрій, Богдан, Тарас,
  Остап, Максим, Ігор, Петро, Михайло, Степан, Роман, Ярослав, Павло, Назар, Артем, Денис, Віталій, Євген, Григорій, Орест`, ukrainianLatin);
const UK_FEMALE = parts(`Олена, Ольга, Наталія, Тетяна, Ірина, Оксана, Юлія, Світлана, Марія, Анна, Катерина, Галина, Людмила,
  Вікторія, Софія, Ганна, Христина, Дарина, Соломія, Валентина, Надія, Лариса, Яна, Інна, Любов, Зоряна, Олеся, Єва`, ukrainianLatin);
const UK_FAMILY: Part[] = parts(`Шевченко, Бойко, Коваленко, Бондаренко, Ткаченко, Кравченко, Коваль, Олійник, Шевчук, Поліщук,
  Лисенко, Мельник, Савченко, Петренко, Руденко, Марченко, Мороз, Павленко, Клименко, Левченко, Кравчук, Кузьменко,
  Гончаренко, Ковальчук, Мазур, Карпенко, Тимошенко, Литвиненко, Сидоренко, Захарченко, Романюк, Гриценко, Савчук, Іваненко,
  Остапенко, Яковенко, Демченко, Юрченко, Ющенко, Гнатюк`, ukrainianLatin);

export const ukrainian: Culture = {
  id: 'ukrainian',
  script: 'Cyrl',
  familyFirst: false,
  middleInLatin: false,
  maidenNames: true,
  nationalities: [['UKR', 1]],
  languages: ['uk', 'ru', 'en'],
  // Surnames ending in -енко, -ук or a noun do not change with sex.
  surname: (rng) => [rng.pick(UK_FAMILY)],
  compose(rng, sex) {
    return { given: pickDistinct(rng, sex === 'male' ? UK_MALE : UK_FEMALE, 1), middle: [], family: [rng.pick(UK_FAMILY)] };
  },
};
