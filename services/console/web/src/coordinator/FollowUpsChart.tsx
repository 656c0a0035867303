// Opinions and red-feedback follow-ups still open, by age, as a stacked bar chart (Apache ECharts, a lazy chunk).
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n.tsx';
import type { FollowUpCoverage } from './api.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const AGES = ['0-7', '8-30', '31+'] as const;

export default function FollowUpsChart({ rows }: { rows: FollowUpCoverage['rows'] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current === null) return;
    const chart = echarts.init(ref.current);
    const open = (item: 'opinion' | 'follow_up', age: string) =>
      rows
        .filter(
          (r) =>
            r.item === item && r.age === age && (r.status === 'open' || r.status === 'in_progress'),
        )
        .reduce((sum, r) => sum + r.count, 0);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 40, right: 16, bottom: 40 },
      xAxis: { type: 'category', name: t('co_age'), data: [...AGES] },
      yAxis: { type: 'value', minInterval: 1 },
      color: ['#c0392b', '#e67e22'],
      series: [
        {
          name: t('co_redFollowUp'),
          type: 'bar',
          stack: 'open',
          data: AGES.map((a) => open('follow_up', a)),
        },
        {
          name: t('co_opinion'),
          type: 'bar',
          stack: 'open',
          data: AGES.map((a) => open('opinion', a)),
        },
      ],
    });
    const resize = () => {
      chart.resize();
    };
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, t]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('co_followUpsChart')}
      data-testid="follow-ups-chart"
      style={{ height: 260, width: '100%' }}
    />
  );
}
