// Letter tables for the scripts whose generic transliteration drops what name matching needs.

/**
 * Arabic, Persian and Urdu letters. Long-vowel letters stay (و → w, ي → y) so the matcher can
 * read them as either consonant or vowel; ع and ء become an apostrophe that is dropped later.
 */
export const ARABIC_LETTERS = new Map<string, string>(Object.entries({
  'ا': 'a', 'أ': 'a', 'إ': 'i', 'آ': 'a', 'ٱ': 'a', 'ء': '', 'ؤ': 'w', 'ئ': 'y', 'ب': 'b', 'ت': 't',
  'ث': 'th', 'ج': 'j', 'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'dh', 'ر': 'r', 'ز': 'z', 'س': 's',
  'ش': 'sh', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'ع': '', 'غ': 'gh', 'ف': 'f', 'ق': 'q',
  'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'و': 'w', 'ي': 'y', 'ى': 'a', 'ة': 'a',
  'پ': 'p', 'چ': 'ch', 'ژ': 'zh', 'گ': 'g', 'ک': 'k', 'ی': 'y', 'ٹ': 't', 'ڈ': 'd', 'ڑ': 'r',
  'ں': 'n', 'ھ': 'h', 'ہ': 'h', 'ۃ': 'a', 'ے': 'e', 'ۓ': 'e', 'ڤ': 'v', 'ڥ': 'v',
}));

/**
 * Common given names and name parts written without vowels in Arabic script, with the vowels
 * their usual Latin spellings carry: "محمد" is m-h-m-d letter by letter but Muhammad on a passport.
 */
export const ARABIC_WORDS = new Map<string, string>(Object.entries({
  'محمد': 'muhammad', 'أحمد': 'ahmad', 'احمد': 'ahmad', 'محمود': 'mahmud', 'مصطفى': 'mustafa',
  'مصطفي': 'mustafa', 'علي': 'ali', 'على': 'ali', 'علی': 'ali', 'عمر': 'umar', 'عثمان': 'uthman',
  'حسن': 'hasan', 'حسين': 'husayn', 'حسین': 'husayn', 'يوسف': 'yusuf', 'یوسف': 'yusuf',
  'إبراهيم': 'ibrahim', 'ابراهيم': 'ibrahim', 'ابراهیم': 'ibrahim', 'إسماعيل': 'ismail',
  'اسماعيل': 'ismail', 'خالد': 'khalid', 'الله': 'allah', 'عبد': 'abd', 'عبدالله': 'abdullah', 'عبيد': 'ubayd',
  'فاطمة': 'fatima', 'فاطمه': 'fatima', 'عائشة': 'aisha', 'عايشة': 'aisha', 'مريم': 'maryam',
  'زينب': 'zaynab', 'خديجة': 'khadija', 'يحيى': 'yahya', 'يحيي': 'yahya', 'يعقوب': 'yaqub',
  'سليمان': 'sulayman', 'أيوب': 'ayyub', 'ايوب': 'ayyub', 'موسى': 'musa', 'عيسى': 'isa',
  'صالح': 'salih', 'سعيد': 'said', 'رشيد': 'rashid', 'حميد': 'hamid', 'مهدي': 'mahdi',
  'مهدی': 'mahdi', 'جمال': 'jamal', 'كريم': 'karim', 'کریم': 'karim', 'ناصر': 'nasir',
  'طارق': 'tariq', 'زياد': 'ziyad', 'سامي': 'sami', 'كمال': 'kamal', 'نور': 'nur', 'ليلى': 'layla',
  'سارة': 'sara', 'هدى': 'huda', 'أمين': 'amin', 'امين': 'amin', 'أمينة': 'amina', 'عادل': 'adil',
  'وليد': 'walid', 'بكر': 'bakr', 'أبو': 'abu', 'ابو': 'abu', 'بن': 'bin', 'ابن': 'ibn', 'بنت': 'bint',
  'جعفر': 'jafar', 'منصور': 'mansur', 'قاسم': 'qasim', 'سلمان': 'salman', 'فيصل': 'faysal',
  'عزيز': 'aziz', 'حمزة': 'hamza', 'بلال': 'bilal', 'أسامة': 'usama', 'اسامة': 'usama',
  'ياسين': 'yasin', 'هشام': 'hisham', 'رامي': 'rami', 'ماجد': 'majid', 'نبيل': 'nabil',
  'عماد': 'imad', 'رضا': 'rida', 'حيدر': 'haydar', 'عباس': 'abbas', 'جواد': 'jawad', 'كاظم': 'kazim',
  'حكيم': 'hakim', 'أمير': 'amir', 'امیر': 'amir', 'زهرا': 'zahra', 'زهراء': 'zahra', 'رحمن': 'rahman',
  'الرحمن': 'alrahman', 'رحيم': 'rahim', 'نصر': 'nasr', 'سيف': 'sayf', 'شريف': 'sharif',
  'عبدالعزيز': 'abdulaziz', 'عبدالرحمن': 'abdulrahman', 'إيمان': 'iman', 'ايمان': 'iman',
  'مروان': 'marwan', 'عدنان': 'adnan', 'سمير': 'samir', 'سميرة': 'samira', 'نادية': 'nadia',
}));

/** Hebrew letters; ו and י stay semi-vowels (w, y) as they are read either way. */
export const HEBREW_LETTERS = new Map<string, string>(Object.entries({
  'א': '', 'ב': 'b', 'ג': 'g', 'ד': 'd', 'ה': 'h', 'ו': 'w', 'ז': 'z', 'ח': 'kh', 'ט': 't', 'י': 'y',
  'כ': 'k', 'ך': 'kh', 'ל': 'l', 'מ': 'm', 'ם': 'm', 'נ': 'n', 'ן': 'n', 'ס': 's', 'ע': '', 'פ': 'p',
  'ף': 'f', 'צ': 'ts', 'ץ': 'ts', 'ק': 'k', 'ר': 'r', 'ש': 'sh', 'ת': 't', '׳': '', "'": '',
}));

/** Common Chinese family names (simplified and traditional), two-character ones included. */
export const CHINESE_SURNAMES = new Set<string>([
  ...'王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯习習温溫胡柳',
  '欧阳', '歐陽', '司马', '司馬', '诸葛', '諸葛', '上官', '东方', '東方', '皇甫', '尉迟', '尉遲', '公孙', '公孫',
  '令狐', '慕容', '司徒', '夏侯',
]);

/** Common Korean family names, two-syllable ones included. */
export const KOREAN_SURNAMES = new Set<string>([
  ...'김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부',
  '남궁', '황보', '제갈', '선우', '독고',
]);
