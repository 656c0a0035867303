// Seats and waitlists of upcoming sessions as a stacked bar chart (Apache ECharts, only the parts used).
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { OutreachSession } from '../api.ts';
import { useI18n } from '../i18n.tsx';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function SeatsChart({ sessions }: { sessions: OutreachSession[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current === null) return;
    const chart = echarts.init(ref.current);
    const series = (['confirmed', 'waitlisted', 'left'] as const).map((key) => ({
      name: t(key),
      type: 'bar' as const,
      stack: key === 'waitlisted' ? 'wait' : 'seats',
      data: sessions.map((s) => s.seats[key]),
    }));
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 40, right: 16, bottom: 60 },
      xAxis: {
        type: 'category',
        data: sessions.map((s) => s.title.slice(0, 10)),
        axisLabel: { rotate: 20 },
      },
      yAxis: { type: 'value' },
      series,
    });
    const resize = () => {
      chart.resize();
    };
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [sessions, t]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('seats')}
      data-testid="seats-chart"
      style={{ height: 300, width: '100%' }}
    />
  );
}
