import { Tag } from 'antd';
import { useT } from '../i18n/i18n.js';

/** 安全风险等级 (domain §3.6). */
export type RiskLevel = 'MAJOR' | 'HIGH' | 'MODERATE' | 'LOW';

export interface RiskLevelVariant {
  /** Background: the national colour. */
  colour: string;
  /** Text colour chosen for contrast (≥ 4.5:1) against the background. */
  textColour: string;
  colourKey: 'colour.red' | 'colour.orange' | 'colour.yellow' | 'colour.blue';
  labelKey: string;
}

/** 安委办〔2016〕11号: 重大 red, 较大 orange, 一般 yellow, 低 blue. */
export const RISK_LEVEL_VARIANTS: Record<RiskLevel, RiskLevelVariant> = {
  MAJOR: { colour: '#cf1322', textColour: '#ffffff', colourKey: 'colour.red', labelKey: 'risk.MAJOR' },
  HIGH: { colour: '#fa8c16', textColour: '#1f1f1f', colourKey: 'colour.orange', labelKey: 'risk.HIGH' },
  MODERATE: {
    colour: '#fadb14',
    textColour: '#1f1f1f',
    colourKey: 'colour.yellow',
    labelKey: 'risk.MODERATE',
  },
  LOW: { colour: '#0958d9', textColour: '#ffffff', colourKey: 'colour.blue', labelKey: 'risk.LOW' },
};

/** Ordered from most to least severe, for legends and sorting. */
export const RISK_LEVELS: readonly RiskLevel[] = ['MAJOR', 'HIGH', 'MODERATE', 'LOW'];

export interface RiskLevelTagProps {
  level: RiskLevel;
  className?: string;
}

/** The risk level in its national colour; the text always names the level, so colour is never the only cue. */
export function RiskLevelTag({ level, className }: RiskLevelTagProps) {
  const t = useT();
  const variant = RISK_LEVEL_VARIANTS[level];
  const label = t(variant.labelKey);
  return (
    <Tag
      className={className}
      data-risk-level={level}
      title={`${t('risk.label')}：${label}（${t(variant.colourKey)}）`}
      variant="solid"
      style={{ backgroundColor: variant.colour, color: variant.textColour, borderColor: variant.colour }}
    >
      {label}
    </Tag>
  );
}
