// Name parts for synthetic multicultural persons (benchmarks and tests). Each culture lists
// given names by sex and family names, most common first; "latin|native" gives the spelling in
// the culture's own script where records may carry it. Cyrillic is derived from the Latin.

export interface Culture {
  key: string;
  /** Relative share of records. */
  share: number;
  nationalities: string[];
  male: string[];
  female: string[];
  family: string[];
  /** How names are put together: see synthetic.ts. */
  pattern: 'given-family' | 'given-father-family' | 'hispanic' | 'slavic' | 'han' | 'korean' | 'vietnamese';
  /** Share of records written in the native script (needs native forms or a derivation). */
  nativeShare: number;
  middleShare: number;
}

const split = (s: string): string[] => s.trim().split(/\s+/);

export const CULTURES: Culture[] = [
  {
    key: 'arabic', share: 14, nationalities: ['SY', 'IQ', 'EG', 'JO', 'LB', 'SA', 'YE', 'SD', 'LY', 'MA', 'DZ', 'TN'],
    pattern: 'given-father-family', nativeShare: 0.25, middleShare: 0.5,
    male: split(`Mohammed|محمد Ahmed|أحمد Ali|علي Omar|عمر Youssef|يوسف Ibrahim|إبراهيم Khalid|خالد Hassan|حسن
      Hussein|حسين Abdullah|عبدالله Mustafa|مصطفى Mahmoud|محمود Tariq|طارق Walid|وليد Samir|سمير Karim|كريم
      Nabil|نبيل Rami|رامي Ziad|زياد Bilal|بلال Hamza|حمزة Osama|أسامة Faisal|فيصل Jamal|جمال Adel|عادل
      Majid|ماجد Nasser|ناصر Sami|سامي Imad|عماد Marwan|مروان Adnan|عدنان Hisham|هشام Abdulrahman|عبدالرحمن
      Anas Fadi Saad Bassam Jihad Raed Ayman Yasser Mazen Ghassan Firas Munir Qasim Salim Suleiman Zakaria Issa Moussa`),
    female: split(`Fatima|فاطمة Aisha|عائشة Mariam|مريم Zainab|زينب Khadija|خديجة Layla|ليلى Nour|نور Sara|سارة
      Huda|هدى Amina|أمينة Samira|سميرة Nadia|نادية Iman|إيمان Rania Dina Lina Yasmin Salma Hana Reem Rasha Ghada
      Maha Noura Asma Dalia Hiba Manal Wafa Suha Lubna Rana Jumana`),
    family: split(`Al-Rashid|الرشيد Haddad|حداد Khoury|خوري Mansour|منصور Nasser|ناصر Saleh|صالح Hamdan|حمدان
      Aziz|عزيز Darwish|درويش Jaber|جابر Kassem|قاسم Othman|عثمان Khalil|خليل Suleiman|سليمان Yassin|ياسين
      Abdelrahman|عبدالرحمن Al-Najjar|النجار Barakat|بركات Issa|عيسى Hijazi|حجازي Farouk Al-Masri Al-Sayed Bakri
      Shami Zidan Halabi Obeid Sabbagh Tamimi Zaki Ghanem Hamada Awad Fakhoury Nassar Atallah Sabri Al-Amin
      Ben-Ali Mansouri Belkacem Cherif Brahimi Al-Tikriti Al-Obeidi Al-Jubouri Al-Dulaimi Al-Shammari`),
  },
  {
    key: 'persian', share: 5, nationalities: ['IR', 'AF'], pattern: 'given-family', nativeShare: 0.2, middleShare: 0.1,
    male: split(`Mohammad|محمد Ali|علی Reza|رضا Hossein|حسین Mehdi|مهدی Amir|امیر Ahmad|احمد Hamid Saeed Farhad
      Dariush Babak Kaveh Navid Omid Javad Hamed Majid Ehsan Morteza Abbas Gholam Nasir Wahid Zabiullah Rahmatullah`),
    female: split(`Maryam|مریم Zahra|زهرا Fatemeh|فاطمه Leila Shirin Parisa Nasrin Mahsa Neda Roya Shabnam Soraya
      Parwana Freshta Mina Nazanin`),
    family: split(`Hosseini|حسینی Ahmadi|احمدی Rezaei|رضایی Mohammadi|محمدی Karimi|کریمی Moradi Jafari Rahimi
      Sadeghi Hashemi Ghorbani Azizi Rostami Kazemi Akbari Noori Safavi Tehrani Shirazi Popal Wardak Durrani
      Ghani Haqqani Stanikzai Amiri Sultani Nazari Mirzaei Hakimi Sharifi`),
  },
  {
    key: 'slavic', share: 14, nationalities: ['RU', 'UA', 'BY', 'MD', 'KZ'], pattern: 'slavic', nativeShare: 0.3, middleShare: 0.6,
    male: split(`Aleksandr Sergei Dmitri Andrei Aleksei Ivan Mikhail Nikolai Vladimir Yuri Oleg Igor Pavel Viktor
      Maksim Artem Roman Denis Evgeni Konstantin Anatoli Boris Grigori Leonid Stanislav Vadim Vitali Fyodor
      Timur Ruslan Gennadi Valeri Arkadi Bogdan Taras Vasili Stepan Yaroslav`),
    female: split(`Olga Tatiana Elena Natalia Irina Svetlana Anna Maria Yulia Ekaterina Anastasia Oksana Marina
      Ludmila Galina Valentina Larisa Nadezhda Vera Polina Daria Kseniya Alina Viktoria`),
    family: split(`Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov
      Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Zakharov Zaitsev
      Solovyov Borisov Yakovlev Grigoriev Romanov Vorobyov Sergeev Belov Tarasov Chernov Kiselev Tkachev
      Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Melnyk Boyko Lysenko Marchenko Rudenko Savchenko
      Tchaikovsky Chernyshevsky Dostoevsky Sheremetev Khrushchev Zhukov Shcherbakov`),
  },
  {
    key: 'chinese', share: 10, nationalities: ['CN', 'TW', 'HK', 'SG', 'MY'], pattern: 'han', nativeShare: 0.35, middleShare: 0,
    male: split(`wei|伟 qiang|强 lei|磊 jun|军 yong|勇 jie|杰 tao|涛 ming|明 chao|超 gang|刚 jian|建 guo|国
      wen|文 zhi|志 hai|海 dong|东 hao|浩 peng|鹏 yu|宇 bin|斌 hui|辉 long|龙 feng|峰 bo|波 xin|鑫`),
    female: split(`fang|芳 na|娜 min|敏 jing|静 li|丽 yan|艳 juan|娟 xiu|秀 xia|霞 ping|平 gui|桂 ying|英 hua|华
      yu|玉 hong|红 xiao|晓 chun|春 ting|婷 xue|雪 lan|兰 mei|梅 qin|琴 yun|云 lin|琳`),
    family: split(`wang|王 li|李 zhang|张 liu|刘 chen|陈 yang|杨 huang|黄 zhao|赵 wu|吴 zhou|周 xu|徐 sun|孙 ma|马
      zhu|朱 hu|胡 guo|郭 he|何 gao|高 lin|林 luo|罗 zheng|郑 liang|梁 xie|谢 song|宋 tang|唐 han|韩 feng|冯
      deng|邓 cao|曹 peng|彭 zeng|曾 tian|田 dong|董 pan|潘 yuan|袁 cai|蔡 jiang|蒋 yu|余 du|杜 ye|叶 cheng|程
      wei|魏 su|苏 lu|吕 ding|丁 ren|任 shen|沈 yao|姚 jiang|姜 cui|崔 zhong|钟 tan|谭 fan|范 jin|金 shi|石
      liao|廖 xia|夏 fu|付 fang|方 bai|白 zou|邹 meng|孟 xiong|熊 qin|秦 qiu|邱 ouyang|欧阳 sima|司马`),
  },
  {
    key: 'korean', share: 3, nationalities: ['KR', 'KP'], pattern: 'korean', nativeShare: 0.35, middleShare: 0,
    male: split(`min|민 jun|준 seo|서 ji|지 hyun|현 woo|우 soo|수 young|영 jin|진 ho|호 sung|성 dong|동 ha|하
      jae|재 sang|상 chul|철 hoon|훈 kyung|경`),
    female: split(`eun|은 hye|혜 yu|유 yeon|연 joo|주 mi|미 hee|희 kyung|경 na|나 ji|지 soo|수 young|영 seo|서`),
    family: split(`kim|김 lee|이 park|박 choi|최 jung|정 kang|강 cho|조 yoon|윤 jang|장 lim|임 han|한 oh|오 shin|신
      seo|서 kwon|권 hwang|황 ahn|안 song|송 yoo|유 hong|홍 jeon|전 ko|고 moon|문 son|손 yang|양 bae|배 baek|백`),
  },
  {
    key: 'hispanic', share: 12, nationalities: ['MX', 'CO', 'VE', 'ES', 'GT', 'HN', 'SV', 'PE', 'EC', 'AR'], pattern: 'hispanic', nativeShare: 0, middleShare: 0.4,
    male: split(`José Juan Luis Carlos Jorge Miguel Pedro Jesús Manuel Francisco Antonio Alejandro Fernando Ricardo
      Diego Javier Rafael Sergio Andrés Eduardo Roberto Mario Alberto Raúl Héctor Óscar Pablo Enrique Arturo`),
    female: split(`María Guadalupe Juana Rosa Ana Carmen Laura Sofía Isabel Lucía Gabriela Patricia Verónica Elena
      Marta Teresa Adriana Alejandra Daniela Valentina Paola Claudia Leticia Beatriz`),
    family: split(`García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores Rivera
      Gómez Díaz Cruz Morales Reyes Gutiérrez Ortiz Chávez Ruiz Jiménez Mendoza Álvarez Castillo Romero Vargas
      Herrera Medina Aguilar Moreno Muñoz Rojas Castro Ortega Delgado Guerrero Ramos Vázquez Domínguez Navarro
      Salazar Cortés Guzmán Suárez Escobar Velásquez Quintero Zambrano Fuentes`),
  },
  {
    key: 'anglo', share: 10, nationalities: ['GB', 'US', 'IE', 'AU', 'CA'], pattern: 'given-family', nativeShare: 0, middleShare: 0.5,
    male: split(`James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew
      Anthony Mark Paul Steven Andrew Kenneth George Brian Kevin Edward Ronald Timothy Jason Jeffrey Ryan`),
    female: split(`Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Emily Emma Lisa Nancy
      Margaret Sandra Ashley Dorothy Kimberly Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca`),
    family: split(`Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson Martin
      Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker Adams
      O'Brien McDonald Murphy Kelly Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins
      Edwards Stewart Morris Murray Hughes Graham Fitzgerald Sullivan Byrne Walsh`),
  },
  {
    key: 'european', share: 10, nationalities: ['FR', 'DE', 'IT', 'NL', 'PL', 'BE', 'AT', 'CH', 'RO', 'AL'], pattern: 'given-family', nativeShare: 0, middleShare: 0.25,
    male: split(`Jean Pierre Michel Philippe Alain Nicolas François Hans Klaus Jürgen Stefan Wolfgang Marco Giuseppe
      Luca Giovanni Jan Piotr Krzysztof Tomasz Andrzej Ion Gheorghe Florin Arben Besnik Dritan Pieter Willem`),
    female: split(`Marie Nathalie Isabelle Sophie Anna Ursula Sabine Giulia Francesca Agnieszka Katarzyna Małgorzata
      Ioana Elena Mirela Fatjona Arta Anke Petra Chiara`),
    family: split(`Martin Bernard Dubois Durand Lefebvre Moreau Laurent Müller Schmidt Schneider Fischer Weber Meyer
      Wagner Becker Schulz Hoffmann Rossi Russo Ferrari Esposito Bianchi Romano Colombo de-Jong Jansen de-Vries
      van-den-Berg van-Dijk Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Popescu
      Ionescu Popa Dumitru Stoica Hoxha Shehu Krasniqi Gashi Berisha Leclerc Rousseau Girard`),
  },
  {
    key: 'turkish', share: 6, nationalities: ['TR', 'AZ', 'CY'], pattern: 'given-family', nativeShare: 0, middleShare: 0.2,
    male: split(`Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Emre Burak Ömer Halil
      Süleyman Kemal Cem Serkan Oğuz Tolga Volkan Ercan Recep Kadir`),
    female: split(`Ayşe Fatma Emine Hatice Zeynep Elif Meryem Şerife Zehra Özlem Esra Merve Gül Sevgi Derya Büşra`),
    family: split(`Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin
      Kara Koç Kurt Özkan Şimşek Polat Korkmaz Erdoğan Güneş Aksoy Bulut Tekin Avcı Ünal Karataş`),
  },
  {
    key: 'african', share: 8, nationalities: ['NG', 'GH', 'SN', 'ML', 'GN', 'ER', 'ET', 'SO', 'CI'], pattern: 'given-family', nativeShare: 0, middleShare: 0.3,
    male: split(`Chukwuemeka Oluwaseun Adebayo Emeka Ibrahim Mamadou Abdoulaye Moussa Ousmane Kwame Kofi Yaw Tesfaye
      Mehari Amanuel Yonas Dawit Abdi Mohamed Ahmed Babajide Olumide Ikechukwu Tunde Sekou Lamine Idrissa`),
    female: split(`Ngozi Chioma Adaeze Folake Aminata Fatoumata Awa Mariama Ama Akosua Selam Helen Mebrat Halima
      Hodan Amina Blessing Precious Funmilayo Yetunde Kadiatou Aissatou`),
    family: split(`Okafor Okonkwo Adeyemi Ogunleye Balogun Eze Nwosu Diallo Ba Sow Ndiaye Diop Traoré Keita
      Coulibaly Mensah Asante Boateng Owusu Tesfay Haile Gebremedhin Tekle Berhane Kahsay Abdullahi Warsame
      Farah Hassan Osei Adjei Bangura Kamara Sesay Conteh Toure Camara Cisse Sylla Okeke Obi`),
  },
  {
    key: 'south-asian', share: 6, nationalities: ['IN', 'PK', 'BD', 'LK', 'NP'], pattern: 'given-family', nativeShare: 0, middleShare: 0.3,
    male: split(`Rahul Amit Raj Sanjay Vikram Arjun Rohan Anil Sunil Ravi Mohammed Imran Asif Bilal Rajesh Suresh
      Ramesh Deepak Manoj Vijay Ashok Arif Tariq Kamran Shahid Rakib Tanvir Nimal Prakash`),
    female: split(`Priya Pooja Anjali Sunita Neha Kavita Deepa Ayesha Fatima Lakshmi Meena Rekha Sana Nazia Farzana
      Shirin Nasreen Tahmina Kumari Sita`),
    family: split(`Sharma Singh Kumar Patel Gupta Shah Khan Verma Reddy Rao Das Chowdhury Hussain Ahmed Malik Qureshi
      Iqbal Butt Chaudhry Mehta Joshi Nair Iyer Pillai Banerjee Mukherjee Yadav Mishra Siddiqui Rahman Islam
      Hossain Perera Fernando Silva Thapa Shrestha Gurung`),
  },
  {
    key: 'vietnamese', share: 2, nationalities: ['VN'], pattern: 'vietnamese', nativeShare: 0, middleShare: 0.9,
    male: split(`Anh Tuấn Hùng Dũng Nam Long Hải Quang Minh Đức Huy Khánh Phúc Thắng Trung`),
    female: split(`Linh Hương Lan Mai Hoa Thảo Trang Ngọc Hà Phương Thu Yến Nhung Hằng`),
    family: split(`Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý`),
  },
];

/** Vietnamese middle names by sex. */
export const VIETNAMESE_MIDDLE = { male: split('Văn Hữu Đức Minh Thanh Quốc Công'), female: split('Thị Ngọc Thanh Minh Kim') };

/** Greek persons appear in Latin and Greek letters. */
export const GREEK: Culture = {
  key: 'greek', share: 2, nationalities: ['GR', 'CY'], pattern: 'given-father-family', nativeShare: 0.3, middleShare: 0.2,
  male: split(`Georgios|Γεώργιος Ioannis|Ιωάννης Konstantinos|Κωνσταντίνος Dimitrios|Δημήτριος Nikolaos|Νικόλαος
    Panagiotis|Παναγιώτης Christos|Χρήστος Vasileios|Βασίλειος Athanasios|Αθανάσιος Michail|Μιχαήλ`),
  female: split(`Maria|Μαρία Eleni|Ελένη Aikaterini|Αικατερίνη Vasiliki|Βασιλική Sofia|Σοφία Angeliki|Αγγελική
    Dimitra|Δήμητρα Georgia|Γεωργία`),
  family: split(`Papadopoulos|Παπαδόπουλος Papadakis|Παπαδάκης Georgiou|Γεωργίου Nikolaidis|Νικολαΐδης
    Pappas|Παππάς Karagiannis|Καραγιάννης Vlachos|Βλάχος Angelopoulos|Αγγελόπουλος Oikonomou|Οικονόμου
    Makris|Μακρής Dimitriou|Δημητρίου Konstantinidis|Κωνσταντινίδης`),
};
