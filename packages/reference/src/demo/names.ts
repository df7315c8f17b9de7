import type { Random } from '../random.js';

/** Common surnames of the county, for demo people (every demo name ends in （演示）). */
export const DEMO_SURNAMES = [
  '马',
  '孙',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '谢',
  '宋',
  '唐',
  '许',
  '韩',
] as const;
export const DEMO_GIVEN_NAMES = [
  '建国',
  '志强',
  '永红',
  '海燕',
  '文斌',
  '玉兰',
  '国庆',
  '小军',
  '丽娟',
  '明亮',
  '春梅',
  '德成',
] as const;

/** A demo person's full name, e.g. 马建国（演示）. */
export function demoPersonName(random: Random): string {
  return `${random.pick(DEMO_SURNAMES)}${random.pick(DEMO_GIVEN_NAMES)}（演示）`;
}
