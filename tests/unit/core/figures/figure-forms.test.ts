import { describe, expect, it } from 'vitest';
import { chineseNumeralValue, figuresInText, type Figure } from '../../../../core/figures';

const CONTEXT = { paragraphId: 'p', sectionId: null, sectionPath: '', sectionTitle: '' };
const figures = (text: string): Figure[] => figuresInText(text, CONTEXT);
const only = (text: string): Figure => {
  const found = figures(text);
  expect(
    found.map((f) => f.raw),
    text,
  ).toHaveLength(1);
  return found[0]!;
};
const pick = (figure: Figure) => ({
  raw: figure.raw,
  value: figure.value,
  valueHigh: figure.valueHigh,
  unit: figure.unit,
  approximation: figure.approximation,
});

describe('Chinese numerals', () => {
  it.each([
    ['三', 3],
    ['十', 10],
    ['十五', 15],
    ['三十五', 35],
    ['一百零八', 108],
    ['两千', 2000],
    ['三千零五', 3005],
    ['两万三千', 23000],
    ['三亿五千万', 350_000_000],
    ['十二点五', 12.5],
    ['三点五万', 35000],
  ])('%s = %d', (text, value) => {
    expect(chineseNumeralValue(text)).toBe(value);
  });

  it.each(['八五', '十四五', '二〇二三', '百', '万', '一二三', '十十'])(
    '%s is not a number',
    (text) => {
      expect(chineseNumeralValue(text)).toBeNull();
    },
  );
});

describe('forms of a figure', () => {
  it.each([
    ['受理案件419件。', '419件', 419, null, '件', null],
    ['共有企业1,234家。', '1,234家', 1234, null, '家', null],
    ['培训１５６名。', '１５６名', 156, null, '名', null],
    ['合格率为98.5%。', '98.5%', 98.5, null, '%', null],
    ['强度为２．６８％。', '２．６８％', 2.68, null, '%', null],
    ['合格率百分之十二点五。', '百分之十二点五', 12.5, null, '%', null],
    ['提高2.3个百分点。', '2.3个百分点', 2.3, null, '个百分点', null],
    ['召开会议三十五次。', '三十五次', 35, null, '次', null],
    ['参训两千余人。', '两千余人', 2000, null, '人', 'over'],
    ['用时10-20天。', '10-20天', 10, 20, '天', null],
    ['新建10至20个站点。', '10至20个', 10, 20, '个', null],
    ['新建三至五个站点。', '三至五个', 3, 5, '个', null],
    ['纠错率15%～20%之间。', '15%～20%', 15, 20, '%', null],
    ['服务5万-8万人。', '5万-8万人', 50_000, 80_000, '人', null],
    ['服务群众约633万人次。', '约633万人次', 6_330_000, null, '人次', 'about'],
    ['挽回损失4100余万元。', '4100余万元', 4100, null, '万元', 'over'],
    ['贷款2.3亿元。', '2.3亿元', 2.3, null, '亿元', null],
    ['就业3.5万人。', '3.5万人', 35000, null, '人', null],
    ['垃圾近800吨。', '近800吨', 800, null, '吨', 'under'],
    ['资料超过3万份。', '超过3万份', 30000, null, '份', 'over'],
    ['用户逾300户。', '逾300户', 300, null, '户', 'over'],
    ['用时60天左右。', '60天左右', 60, null, '天', 'about'],
    ['培训500人以上。', '500人以上', 500, null, '人', 'over'],
    ['网格10多个。', '10多个', 10, null, '个', 'over'],
    ['面积12000平方米。', '12000平方米', 12000, null, '平方米', null],
    ['道路37.5公里。', '37.5公里', 37.5, null, '公里', null],
    ['奖励500元。', '500元', 500, null, '元', null],
    ['人数增长2倍。', '2倍', 2, null, '倍', null],
    ['精简三分之一。', '三分之一', 1 / 3, null, '', null],
  ])('%s -> %s', (text, raw, value, valueHigh, unit, approximation) => {
    expect(pick(only(text))).toEqual({ raw, value, valueHigh, unit, approximation });
  });

  it.each([
    '件',
    '人',
    '人次',
    '家',
    '个',
    '项',
    '户',
    '名',
    '次',
    '天',
    '场',
    '篇',
    '条',
    '部',
    '期',
    '批',
    '吨',
  ])('knows the unit %s', (unit) => {
    expect(only(`共完成12${unit}。`).unit).toBe(unit);
  });
});

describe('what is not a figure', () => {
  it.each([
    '2023年3月5日召开会议',
    '2023年度报告',
    '3月起施行',
    '规划（2021—2025年）',
    '根据国办发〔2018〕115号文件',
    '根据〔2019〕860号',
    '一、总体情况',
    '（二）主要做法',
    '3.抓好培训',
    '依照第三条规定',
    '举办第6期培训班',
    '一是加强领导，二是完善制度',
    '召开G20峰会',
    '建设5G基站',
    '电话0838-6212345',
    '拨打12345热线',
    '“十四五”规划',
    '“八五”普法',
    '“3+1张清单”',
    '党的二十大精神',
    '十四届区委',
    '坚决拥护两个确立',
    '推行一件事一次办',
    '统一部署',
    '排名前三名',
    '十分重要',
    '万人有效发明专利',
  ])('%s', (text) => {
    expect(figures(text).map((f) => f.raw)).toEqual([]);
  });
});

describe('subjects and changes', () => {
  it('takes the words before the number, without 共', () => {
    expect(only('2023年,共受理行政复议案件419件。').subject).toBe('受理行政复议案件');
  });

  it('takes the noun after a measure word', () => {
    expect(only('建成207个村(居)公共法律服务室。').subject).toBe('村(居)公共法律服务室');
  });

  it('reads 同比增长 as a change, not a level', () => {
    const figure = only('地区生产总值同比增长5.2%。');
    expect(figure).toMatchObject({
      subject: '地区生产总值',
      kind: 'change',
      changeWord: '同比增长',
      direction: 'up',
      value: 5.2,
    });
  });

  it('reads 下降 as a change downwards and 下降至 as a level', () => {
    expect(only('收入下降2.4%。')).toMatchObject({ kind: 'change', direction: 'down' });
    expect(only('败诉率下降至3.8%。')).toMatchObject({ kind: 'level', subject: '败诉率' });
  });

  it('gives both ends of 由…压缩至… the same subject', () => {
    const [from, to] = figures('全流程审批用时由198天压缩至123天。');
    expect([from?.subject, to?.subject]).toEqual(['全流程审批用时', '全流程审批用时']);
  });

  it('gives a bare change the subject of the figure before it', () => {
    const [, change] = figures('全年收到申请356件，同比增长12.6%。');
    expect(change).toMatchObject({ subject: '收到申请', kind: 'change' });
  });

  it('keeps list items apart', () => {
    expect(figures('获金奖1件、银奖2件。').map((f) => f.subject)).toEqual(['获金奖', '银奖']);
  });
});

describe('names that look like counts, from real government work reports', () => {
  it.each([
    ['市十六届人大二次会议确定的目标', []],
    ['省委十三届五次全会', []],
    ['大兴机场综保区二期通过验收', []],
    ['举办三期培训班', ['三期']],
    ['收入保持两位数增长', []],
    ['消除劣五类水体', []],
    ['统筹推进五类更新改造', ['五类']],
    ['落实中央八项规定精神', []],
    ['日均车流量超8万辆次', ['超8万辆次']],
    ['污水处理能力超30万吨/日', ['超30万吨/日']],
  ])('%s', (text, raws) => {
    expect(figures(text).map((f) => f.raw)).toEqual(raws);
  });
});

describe('subjects seen in real government work reports', () => {
  it.each([
    ['提升100家县级特困供养机构服务水平。', '县级特困供养机构服务水平', 'level'],
    ['新增15家备案博物馆。', '备案博物馆', 'level'],
    ['76.1%的财政支出用于民生。', '财政支出', 'level'],
    ['17个区获评全国百强区。', '区', 'level'],
    ['对13个存在黑臭水体的县城开展攻坚。', '存在黑臭水体', 'level'],
    ['港珠澳大桥车流量增长90%。', '港珠澳大桥车流量', 'change'],
  ])('%s -> %s', (text, subject, kind) => {
    expect(only(text)).toMatchObject({ subject, kind });
  });
});

describe('more units from real reports', () => {
  it.each([
    ['细颗粒物年均浓度30.5微克/立方米。', '30.5微克/立方米', '微克/立方米'],
    ['粮食产量1300亿斤以上。', '1300亿斤以上', '斤'],
    ['集装箱吞吐量2500万标箱。', '2500万标箱', '标箱'],
  ])('%s', (text, raw, unit) => {
    expect(only(text)).toMatchObject({ raw, unit });
  });
});
