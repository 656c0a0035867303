// The demo's story, from the source page (香河公安"微恳谈"): titles, places, what people asked for and how it was followed up.
import type { Attendee, FeedbackRatings, OpinionCategory } from '@lianxin/contracts';

export const FORUM_TITLE = '警银"微恳谈"：无主席台、无讲稿的反诈座谈会';
export const PAST_FORUM_TITLE = '警银"微恳谈"（第一期）：涉诈资金拦截经验交流';

export interface DemoOpinion {
  category: OpinionCategory;
  text: string;
  raisedBy: string;
  ownerId: string;
  dueInDays: number;
  /** null: still open (the overdue list shows it). */
  resolution: string | null;
}

export interface PastSession {
  title: string;
  daysAgo: number;
  hours: number;
  body: Record<string, unknown> & { hostOfficerIds: string[] };
  opinions: DemoOpinion[];
}

export const PAST_SESSIONS: PastSession[] = [
  {
    title: '"微恳谈"进校园：学生安全与防骗',
    daysAgo: 20,
    hours: 1.5,
    body: {
      title: '"微恳谈"进校园：学生安全与防骗',
      kind: 'campus',
      format: 'talk',
      venue: { name: '香河县第一中学报告厅', address: '河北省廊坊市香河县育才路' },
      organisingUnit: '香河县公安局淑阳派出所',
      hostOfficerIds: ['demo-officer-shuyang'],
      capacity: 200,
      audiences: ['students', 'parents'],
      fraudTopics: ['fake_game_trading', 'task_rebate'],
      description: '民警走进学校与学生面对面交流，在轻松互动中提升青少年和儿童的自我保护能力。',
    },
    opinions: [
      {
        category: 'traffic',
        text: '放学时段校门口接送车辆拥堵，希望交警高峰时段疏导。',
        raisedBy: '县一中家长代表',
        ownerId: 'demo-officer-traffic',
        dueInDays: 14,
        resolution: '交警大队已安排放学高峰时段警力在校门口疏导。',
      },
      {
        category: 'fraud',
        text: '学生反映游戏账号交易被骗，希望学校定期开展防骗讲座。',
        raisedBy: '县一中学生会',
        ownerId: 'demo-officer-shuyang',
        dueInDays: 10,
        resolution: null,
      },
    ],
  },
  {
    title: '"平安配送"：外卖快递骑手交通安全与防骗恳谈',
    daysAgo: 12,
    hours: 1,
    body: {
      title: '"平安配送"：外卖快递骑手交通安全与防骗恳谈',
      kind: 'delivery_riders',
      format: 'talk',
      venue: { name: '香河县某快递公司分拨中心', address: '河北省廊坊市香河县物流园区' },
      organisingUnit: '香河县公安局交通管理大队',
      hostOfficerIds: ['demo-officer-traffic'],
      capacity: 60,
      audiences: ['riders'],
      fraudTopics: ['fake_customer_service', 'fake_loan'],
      description: '针对外卖、快递行业交通特点开展"平安配送"主题宣传，强化骑手安全意识。',
    },
    opinions: [
      {
        category: 'traffic',
        text: '物流园区出口缺少减速带和警示标志，骑手进出易发生剐蹭。',
        raisedBy: '某快递公司站点负责人',
        ownerId: 'demo-officer-traffic',
        dueInDays: 7,
        resolution: '已协调园区管理方增设减速带和警示标志。',
      },
    ],
  },
];

export const ENTERPRISE_VISIT = {
  title: '"微恳谈"进企业：治安、内部管理与法律服务需求',
  kind: 'enterprise',
  format: 'visit',
  venue: { name: '香河县某家具制造企业会议室', address: '河北省廊坊市香河县家具城产业园' },
  organisingUnit: '香河县公安局蒋辛屯派出所',
  hostOfficerIds: ['demo-officer-jiangxintun'],
  capacity: 25,
  audiences: ['enterprise_staff', 'merchants'],
  fraudTopics: ['impersonate_acquaintance', 'fake_investment'],
  description: '民警与企业负责人、员工代表围坐一堂，听取企业在治安、内部管理和法律服务方面的需求。',
};

export const PAST_FORUM_OPINIONS: DemoOpinion[] = [
  {
    category: 'fraud',
    text: '希望警方对大额可疑转账建立与网点的快速联动止付机制。',
    raisedBy: '合作银行网点负责人',
    ownerId: 'demo-officer-antifraud',
    dueInDays: 30,
    resolution: '已建立警银联动微信群，可疑交易15分钟内研判反馈。',
  },
  {
    category: 'legal_service',
    text: '柜面劝阻老年客户时遇到不理解甚至投诉，希望明确劝阻的法律依据。',
    raisedBy: '某农商银行营业部',
    ownerId: 'demo-officer-antifraud',
    dueInDays: 5,
    resolution: null,
  },
];

export const PAST_FORUM_FEEDBACK: FeedbackRatings[] = [
  { attitude: 'blue', tone: 'blue', expression: 'blue' },
  { attitude: 'blue', tone: 'yellow', expression: 'blue' },
  { attitude: 'red', tone: 'yellow', expression: 'blue' },
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['晓敏', '建国', '丽娟', '志强', '海燕', '文博', '雪梅', '俊杰'];
const POSITIONS = ['大堂经理', '运营主管', '柜员', '理财经理', '网点负责人'];

/** Invented staff of a bank; the numbers are made up for the demo (199 0000 xxxx). */
export function demoAttendees(branch: string, count: number, seed: number): Attendee[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${SURNAMES[(seed + i) % SURNAMES.length] ?? '王'}${GIVEN[(seed * 3 + i) % GIVEN.length] ?? '敏'}`,
    mobile: `1990000${String(seed * 100 + i).padStart(4, '0')}`,
    email: null,
    position: POSITIONS[(seed + i) % POSITIONS.length] ?? null,
    branch: `${branch}营业部`,
  }));
}
