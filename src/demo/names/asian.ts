import type { Culture, Part } from './parts.ts';
import { parts, pickDistinct } from './parts.ts';

// Surnames: characters, then Hanyu Pinyin as in passports; some add the Wade–Giles or Cantonese
// spelling used in Taiwan, Hong Kong or older records, and 吕's passport spellings (LYU, LV).
const CN_SURNAMES = parts(`
  王|Wang|Wong, 李|Li|Lee, 张|Zhang|Chang|Cheung, 刘|Liu|Lau, 陈|Chen|Chan, 杨|Yang|Yeung, 黄|Huang|Wong, 赵|Zhao|Chao, 吴|Wu|Ng,
  周|Zhou|Chow|Chou, 徐|Xu|Hsu|Tsui, 孙|Sun, 马|Ma, 朱|Zhu|Chu, 胡|Hu|Wu, 郭|Guo|Kuo|Kwok, 何|He|Ho, 林|Lin|Lam, 高|Gao|Kao,
  罗|Luo|Lo|Law, 郑|Zheng|Cheng, 梁|Liang|Leung, 谢|Xie|Hsieh|Tse, 宋|Song|Sung, 唐|Tang|Tong, 许|Xu|Hui, 邓|Deng|Teng|Tang,
  韩|Han, 冯|Feng|Fung, 曹|Cao|Tsao, 彭|Peng|Pang, 曾|Zeng|Tseng|Tsang, 肖|Xiao|Hsiao, 田|Tian, 董|Dong|Tung, 潘|Pan|Poon,
  袁|Yuan|Yuen, 蔡|Cai|Tsai|Choi, 蒋|Jiang|Chiang, 余|Yu|Yue, 于|Yu, 杜|Du|Tu, 叶|Ye|Yeh|Yip, 程|Cheng, 魏|Wei, 苏|Su|So,
  吕|Lyu|Lv|Lu|Lui, 丁|Ding|Ting, 任|Ren|Jen|Yam, 卢|Lu|Lo, 姚|Yao|Yiu, 沈|Shen|Shum, 钟|Zhong|Chung, 姜|Jiang|Chiang, 崔|Cui|Tsui,
  谭|Tan|Tam, 陆|Lu|Luk, 范|Fan, 汪|Wang|Wong, 廖|Liao|Liu, 石|Shi|Shih, 金|Jin|Kam, 贾|Jia|Chia, 夏|Xia|Hsia, 付|Fu,
  方|Fang|Fong, 邹|Zou|Chow, 熊|Xiong|Hsiung, 白|Bai|Pai, 孟|Meng, 秦|Qin|Chin, 邱|Qiu|Chiu|Yau, 侯|Hou|Hau, 江|Jiang|Kong,
  尹|Yin|Wan, 薛|Xue|Hsueh, 段|Duan|Tuan, 雷|Lei|Lui, 龙|Long|Lung, 黎|Li|Lai, 史|Shi, 陶|Tao|To, 贺|He|Ho, 毛|Mao, 郝|Hao,
  顾|Gu|Koo, 龚|Gong|Kung, 邵|Shao|Shiu, 万|Wan|Man, 钱|Qian|Chien|Chin, 戴|Dai|Tai, 严|Yan|Yim, 莫|Mo|Mok, 孔|Kong|Hung,
  欧阳|Ouyang|Au-Yeung, 司马|Sima|Szema, 诸葛|Zhuge
`);
// Given-name syllables, split by the sex they mostly go with.
const CN_MALE = parts(`伟|Wei, 强|Qiang, 磊|Lei, 军|Jun, 洋|Yang, 勇|Yong, 杰|Jie, 涛|Tao, 明|Ming, 超|Chao, 刚|Gang, 平|Ping,
  建|Jian, 国|Guo, 文|Wen, 辉|Hui, 海|Hai, 鹏|Peng, 飞|Fei, 斌|Bin, 宇|Yu, 浩|Hao, 志|Zhi, 俊|Jun, 凯|Kai, 龙|Long, 峰|Feng,
  健|Jian, 亮|Liang, 成|Cheng, 博|Bo, 轩|Xuan, 晨|Chen, 子|Zi, 东|Dong, 华|Hua, 林|Lin, 波|Bo, 宏|Hong, 良|Liang`);
const CN_FEMALE = parts(`芳|Fang, 娜|Na, 敏|Min, 静|Jing, 丽|Li, 艳|Yan, 娟|Juan, 秀|Xiu, 霞|Xia, 桂|Gui, 英|Ying, 华|Hua,
  玉|Yu, 兰|Lan, 红|Hong, 欣|Xin, 婷|Ting, 雪|Xue, 琳|Lin, 晓|Xiao, 春|Chun, 梅|Mei, 云|Yun, 佳|Jia, 颖|Ying, 慧|Hui,
  倩|Qian, 丹|Dan, 思|Si, 雨|Yu, 梓|Zi, 涵|Han, 月|Yue, 燕|Yan, 萍|Ping, 琴|Qin, 莉|Li, 青|Qing`);

/** Joins syllables the ways records write a two-syllable given name: Xiaoming, Xiao Ming, Xiao-Ming. */
function givenName(syllables: Part[]): Part {
  const native = syllables.map((s) => s.native).join('');
  const first = syllables.map((s) => s.latin[0]);
  if (first.length === 1) return { native, latin: first };
  const joined = first[0] + first.slice(1).map((s) => s.toLowerCase()).join('');
  return { native, latin: [joined, first.join(' '), first[0] + '-' + first.slice(1).map((s) => s.toLowerCase()).join('-')] };
}

export const chinese: Culture = {
  id: 'chinese',
  script: 'Hani',
  familyFirst: true,
  middleInLatin: true,
  maidenNames: false,
  nationalities: [['CHN', 1]],
  languages: ['zh', 'en'],
  surname: (rng) => [rng.pick(CN_SURNAMES)],
  compose(rng, sex) {
    const pool = sex === 'male' ? CN_MALE : CN_FEMALE;
    return { given: [givenName(pickDistinct(rng, pool, rng.chance(0.7) ? 2 : 1))], middle: [], family: [rng.pick(CN_SURNAMES)] };
  },
};

const VN_FAMILY = parts(`Nguyễn, Trần, Lê, Phạm, Hoàng|Hoàng|Hoang|Huang, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương,
  Lý, Đào, Đinh, Lâm, Trương, Mai, Trịnh, Cao, Tạ, Quách`);
const VN_MIDDLE = {
  male: parts('Văn, Văn, Văn, Đức, Minh, Quang, Hữu, Thành, Công, Xuân, Ngọc'),
  female: parts('Thị, Thị, Thị, Ngọc, Thu, Thanh, Kim, Minh, Phương, Bích'),
};
const VN_GIVEN = {
  male: parts(`Anh, Hùng, Dũng, Tuấn, Hải, Long, Nam, Sơn, Thắng, Phong, Cường, Khánh, Bình, Quân, Trung, Hiếu, Huy,
    Đạt, Tâm, Toàn, Việt, Thành, Duy, Khoa, Phúc, Tùng`),
  female: parts(`Lan, Hương, Linh, Trang, Hà, Thảo, Ngọc, Phương, Mai, Hạnh, Hoa, Huyền, Nhung, Yến, Vy, Nga, Loan, Thủy,
    Hằng, Hiền, Liên, Dung, Quỳnh, Tuyết`),
};

export const vietnamese: Culture = {
  id: 'vietnamese',
  script: 'Latn',
  familyFirst: true,
  middleInLatin: true,
  maidenNames: false,
  nationalities: [['VNM', 1]],
  languages: ['vi', 'en'],
  surname: (rng) => [rng.pick(VN_FAMILY)],
  compose(rng, sex) {
    return { given: [rng.pick(VN_GIVEN[sex])], middle: [rng.pick(VN_MIDDLE[sex])], family: [rng.pick(VN_FAMILY)] };
  },
};
