import { decisionsChart, onboardingChart, satisfactionChart } from './seed-metrics-charts';

describe('seed metrics charts', () => {
  it('plots only partners who reached an Active connection, against the 30-minute target', () => {
    const data = onboardingChart([
      {
        partner: 'ravi',
        invitedAt: '2026-11-02T09:00:00Z',
        firstActiveAt: '2026-11-02T09:18:00Z',
        minutes: 18,
      },
      { partner: 'sana', invitedAt: '2026-11-03T09:00:00Z', firstActiveAt: null, minutes: null },
    ]);
    expect(data.labels).toEqual(['ravi']);
    expect(data.datasets[0].data).toEqual([18]);
    expect(data.datasets[1].data).toEqual([30]);
  });

  it('stacks approvals and rejections per month', () => {
    const data = decisionsChart([{ month: '2026-11', approved: 7, rejected: 2 }]);
    expect(data.labels).toEqual(['2026-11']);
    expect(data.datasets.map((d) => d.data)).toEqual([[7], [2]]);
  });

  it('plots the mean score per month', () => {
    expect(
      satisfactionChart([{ month: '2026-11', answers: 2, average: 4.5 }]).datasets[0].data,
    ).toEqual([4.5]);
  });
});
