import type { Culture } from './parts.ts';
import { parts, simpleCulture, surnamePairs } from './parts.ts';

/** Polish adjectival surnames agree with sex: Kowalski → Kowalska. */
const polishFeminine = (s: string) => s.replace(/(sk|ck|dzk)i$/, '$1a');

export const polish: Culture = simpleCulture({
  id: 'polish', maidenNames: true, nationalities: [['POL', 1]], languages: ['pl', 'en', 'de'], secondGiven: 0.15,
  male: parts(`Jan, Piotr, Krzysztof, Andrzej, Tomasz, Paweł, Michał, Marcin, Grzegorz, Łukasz, Mateusz, Adam, Dariusz,
    Mariusz, Wojciech, Jakub, Kamil, Maciej, Rafał, Zbigniew, Jerzy, Tadeusz, Sławomir, Bartłomiej, Przemysław, Stanisław, Józef`),
  female: parts(`Anna, Maria, Katarzyna, Małgorzata, Agnieszka, Barbara, Ewa, Krystyna, Elżbieta, Zofia, Magdalena, Joanna,
    Aleksandra, Monika, Beata, Dorota, Grażyna, Jolanta, Urszula, Halina, Bożena, Wiesława, Jadwiga, Teresa, Żaneta, Kinga`),
  surnames: surnamePairs(`Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak,
    Dąbrowski, Kozłowski, Jankowski, Mazur, Wojciechowski, Kwiatkowski, Krawczyk, Kaczmarek, Piotrowski, Grabowski, Zając,
    Pawłowski, Michalski, Król, Wieczorek, Jabłoński, Wróbel, Nowakowski, Majewski, Olszewski, Stępień, Malinowski, Jaworski,
    Adamczyk, Dudek, Nowicki, Pawlak, Górski, Witkowski, Sikora, Walczak, Baran, Szewczyk, Ostrowski, Tomaszewski, Zawadzki`, polishFeminine),
});

export const czech: Culture = simpleCulture({
  id: 'czech', maidenNames: true, nationalities: [['CZE', 1]], languages: ['cs', 'en', 'de'], secondGiven: 0.05,
  male: parts(`Jiří, Jan, Petr, Josef, Pavel, Martin, Tomáš, Jaroslav, Miroslav, Zdeněk, Václav, Michal, František, Jakub,
    Milan, Karel, Lukáš, David, Ondřej, Vojtěch, Radek, Luboš`),
  female: parts(`Marie, Jana, Eva, Hana, Anna, Lenka, Kateřina, Věra, Lucie, Alena, Petra, Jaroslava, Veronika, Martina,
    Jitka, Tereza, Ludmila, Helena, Michaela, Zdeňka, Šárka, Dagmar`),
  // Czech feminine forms have irregular stems (Němec → Němcová), so both are written out.
  surnames: surnamePairs(`Novák/Nováková, Svoboda/Svobodová, Novotný/Novotná, Dvořák/Dvořáková, Černý/Černá,
    Procházka/Procházková, Kučera/Kučerová, Veselý/Veselá, Horák/Horáková, Němec/Němcová, Marek/Marková, Pospíšil/Pospíšilová,
    Pokorný/Pokorná, Hájek/Hájková, Král/Králová, Jelínek/Jelínková, Růžička/Růžičková, Beneš/Benešová, Fiala/Fialová,
    Sedláček/Sedláčková, Doležal/Doležalová, Zeman/Zemanová, Kolář/Kolářová, Navrátil/Navrátilová, Čermák/Čermáková,
    Urban/Urbanová, Vaněk/Vaňková, Blažek/Blažková, Kříž/Křížová, Kovář/Kovářová, Bartoš/Bartošová, Vlček/Vlčková`),
});

export const romanian: Culture = simpleCulture({
  id: 'romanian', maidenNames: true, nationalities: [['ROU', 1]], languages: ['ro', 'en', 'it'], secondGiven: 0.3,
  male: parts(`Andrei, Alexandru, Ion, Mihai, Gheorghe, Constantin, Vasile, Nicolae, Ștefan, Florin, Cristian, Adrian, Bogdan,
    Marian, Dumitru, Ionuț, Răzvan, Sorin, Cătălin, Ovidiu, Costel, Viorel, Daniel, Gabriel`),
  female: parts(`Maria, Elena, Ioana, Ana, Andreea, Mihaela, Cristina, Alexandra, Gabriela, Daniela, Georgiana, Ramona,
    Mădălina, Alina, Simona, Florentina, Loredana, Raluca, Roxana, Ionela, Denisa, Larisa, Bianca`),
  surnames: surnamePairs(`Popescu, Ionescu, Popa, Pop, Radu, Dumitru, Stoica, Stan, Gheorghe, Matei, Ciobanu, Rusu, Constantin,
    Mihai, Munteanu, Moldovan, Marin, Lupu, Tudor, Florea, Dinu, Ștefan, Barbu, Nistor, Cristea, Toma, Dobre, Sârbu, Ene,
    Lăzărescu, Țurcanu, Oprea, Voicu, Niculescu, Bălan, Ursu, Căpraru, Lungu, Manole, Zamfir`),
});

export const turkish: Culture = simpleCulture({
  id: 'turkish', maidenNames: true, nationalities: [['TUR', 1]], languages: ['tr', 'en', 'de'], secondGiven: 0.2,
  male: parts(`Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, İsmail, Osman, Yusuf, Murat, Ömer, Ramazan, Halil,
    Süleyman, Abdullah, Mahmut, Recep, Emre, Burak, Serkan, Gökhan, Özgür, Çağlar, Uğur, Kemal, Erdem, Selim`),
  female: parts(`Fatma, Ayşe, Emine, Hatice, Zeynep, Elif, Meryem, Şerife, Sultan, Zehra, Hanife, Merve, Özlem, Yasemin,
    Büşra, Esra, Gülsüm, Derya, Songül, Ebru, Tuğba, Gül, Şule, Selin, Dilek, Nurcan`),
  surnames: surnamePairs(`Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, Doğan, Kılıç,
    Aslan, Çetin, Kara, Koç, Kurt, Özkan, Şimşek, Polat, Özer, Korkmaz, Erdoğan, Güneş, Aktaş, Bulut, Keskin, Ünal, Acar,
    Avcı, Tekin, Yavuz, Karataş, Eren`),
});
