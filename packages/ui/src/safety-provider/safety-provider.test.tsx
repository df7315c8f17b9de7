import { Button, Empty, Pagination } from 'antd';
import dayjs from 'dayjs';
import { describe, expect, test } from 'vitest';
import { render } from 'vitest-browser-react';
import { useLanguage, useT } from '../i18n/i18n.js';
import { SafetyProvider } from './safety-provider.js';

function Probe() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  return (
    <div>
      <h1>{t('app.productName')}</h1>
      <p data-testid="weekday">{dayjs('2025-01-06').format('dddd')}</p>
      <p data-testid="language">{language}</p>
      <Empty />
      <Pagination total={50} showTotal={(total) => `${total}`} showSizeChanger />
      <Button onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}>switch</Button>
    </div>
  );
}

describe('SafetyProvider', () => {
  test('is Simplified Chinese by default: i18next, antd zh_CN and dayjs zh-cn', async () => {
    const screen = await render(
      <SafetyProvider>
        <Probe />
      </SafetyProvider>,
    );
    await expect.element(screen.getByRole('heading')).toHaveTextContent('民勤县安全生产体系平台');
    await expect.element(screen.getByTestId('weekday')).toHaveTextContent('星期一');
    expect(screen.container.querySelector('.ant-empty-description')).toHaveTextContent('暂无数据');
    await expect
      .element(screen.getByRole('navigation').or(screen.getByRole('list')))
      .toHaveTextContent('10 条/页');
  });

  test('switches antd, dayjs and our strings to English together', async () => {
    const screen = await render(
      <SafetyProvider>
        <Probe />
      </SafetyProvider>,
    );
    await screen.getByRole('button', { name: 'switch' }).click();
    await expect.element(screen.getByTestId('language')).toHaveTextContent('en');
    await expect.element(screen.getByRole('heading')).toHaveTextContent('Minqin County Work Safety Platform');
    await expect.element(screen.getByTestId('weekday')).toHaveTextContent('Monday');
    expect(screen.container.querySelector('.ant-empty-description')).toHaveTextContent('No data');
    await expect
      .element(screen.getByRole('navigation').or(screen.getByRole('list')))
      .toHaveTextContent('10 / page');
  });

  test('merges an app namespace', async () => {
    function Hazard() {
      return <span>{useT('hazard')('title')}</span>;
    }
    const screen = await render(
      <SafetyProvider
        resources={{ 'zh-CN': { hazard: { title: '隐患排查' } }, en: { hazard: { title: 'Hazards' } } }}
      >
        <Hazard />
      </SafetyProvider>,
    );
    await expect.element(screen.getByText('隐患排查')).toBeVisible();
  });
});
