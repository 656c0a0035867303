// Demo case bulletins for Xianghe County: written for the demo, anonymised, no real person or number in them.
import type { CreateBulletinBody } from '../bulletins/bulletin.schemas.ts';

export interface DemoBulletin {
  /** Fixed, so loading the demo twice finds what it made the first time. */
  id: string;
  /** How far the demo takes it through the workflow. */
  stage: 'published' | 'in_review' | 'draft';
  content: CreateBulletinBody;
}

const signsAndAdvice = (warningSigns: string[], advice: string[]) => ({ warningSigns, advice });

export const DEMO_BULLETINS: DemoBulletin[] = [
  {
    id: '6650c0de0000000000000001',
    stage: 'published',
    content: {
      title: '“高收益理财群”骗走退休教师养老钱',
      fraudType: 'fake_investment',
      summary:
        '退休教师王某被拉进所谓“理财交流群”，在“导师”诱导下于虚假平台多次转账，账面盈利却无法提现，累计损失38万元。',
      body: '## 案情经过\n\n王某（化名）在短视频平台结识自称“理财导师”的网友，被拉进一个**五百人的投资群**。群内每天“晒收益”，王某先小额试水获利后，陆续投入养老积蓄。\n\n## 银行网点的劝阻\n\n第三次大额转账时，某银行香河支行柜员发现其神色紧张、反复看手机，依照反诈预警流程询问并联系民警，但王某此前已转出大部分资金。\n\n> 提醒：凡是让你下载陌生APP、承诺稳赚不赔的投资，都是诈骗。',
      caseDate: '2025-02-18',
      region: '香河县淑阳镇',
      lossFen: 38_000_000,
      victimProfile: { ageBand: '60_plus', occupation: '退休教师' },
      modusOperandi: '短视频引流→投资群“晒单”→小额返利→诱导大额投入→以“保证金”“税费”为由拒绝提现',
      ...signsAndAdvice(
        [
          '陌生人拉你进投资群、荐股群',
          '承诺稳赚不赔、日收益远超银行',
          '要求下载非官方应用商店的APP',
          '提现时要求先交保证金或税费',
        ],
        [
          '投资理财认准持牌金融机构',
          '大额转账前先与家人商量或到网点咨询',
          '接到可疑情况拨打96110反诈专线',
        ],
      ),
      audiences: ['elderly', 'bank_staff', 'general_public'],
      tags: ['养老钱', '理财群'],
    },
  },
  {
    id: '6650c0de0000000000000002',
    stage: 'published',
    content: {
      title: '大学生兼职“刷单”越刷越亏',
      fraudType: 'task_rebate',
      summary:
        '在校大学生李某通过社交软件接到“点赞返佣”兼职，前几单获得小额返利后被要求做“联单任务”，垫付资金无法取回，损失2.6万元。',
      body: '## 套路\n\n1. 先让你做简单的点赞、关注任务，返几元佣金；\n2. 再拉进“任务群”，要求垫付购买商品；\n3. 以“任务未完成”“操作失误”为由要求继续转账“解冻”。\n\n**刷单本身就是违法行为**，所谓“兼职”只是诱饵。',
      caseDate: '2025-03-06',
      region: '香河县',
      lossFen: 2_600_000,
      victimProfile: { ageBand: '18_29', occupation: '在校大学生' },
      modusOperandi: '社交软件招募兼职→小额返利取信→垫付“联单”→以解冻为由反复索要',
      ...signsAndAdvice(
        [
          '“足不出户、日赚数百”的兼职广告',
          '需要先垫付资金的任务',
          '“联单”“卡单”需继续充值才能解冻',
        ],
        ['凡是刷单都是诈骗', '不向陌生人垫付任何资金', '发现被骗立即报警并保存聊天记录'],
      ),
      audiences: ['students', 'parents'],
      tags: ['兼职', '校园'],
    },
  },
  {
    id: '6650c0de0000000000000003',
    stage: 'published',
    content: {
      title: '“公检法”来电称涉嫌洗钱，银行柜员及时拦截',
      fraudType: 'impersonate_authority',
      summary:
        '市民张某接到自称“公安局民警”的电话，称其银行卡涉嫌洗钱，要求将存款转入“安全账户”。张某到网点办理转账时被柜员识破，民警赶到后成功劝阻，避免损失50万元。',
      body: '## 识破经过\n\n张某坚持要把定期存款全部转到一个陌生个人账户，且一直与人通话、拒绝说明用途。柜员按照“一问二看三劝阻”流程暂停业务，联系辖区派出所。\n\n## 民警提示\n\n公检法机关**不会**通过电话办案，更没有所谓“安全账户”。对方提供的“通缉令”“逮捕令”都是伪造的。',
      caseDate: '2025-01-09',
      region: '香河县蒋辛屯镇',
      lossFen: 0,
      victimProfile: { ageBand: '45_59', occupation: '个体经营者' },
      modusOperandi: '冒充民警来电→出示伪造通缉令→要求保密→转入“安全账户”',
      ...signsAndAdvice(
        [
          '自称公检法要求转账到“安全账户”',
          '要求你保密、不许告诉家人',
          '通过视频出示“警官证”“逮捕令”',
        ],
        [
          '公检法不会电话办案、不会要求转账',
          '挂断后拨打110核实',
          '银行柜员发现异常可启动止付和报警流程',
        ],
      ),
      audiences: ['bank_staff', 'general_public', 'elderly'],
      tags: ['成功拦截', '安全账户'],
    },
  },
  {
    id: '6650c0de0000000000000004',
    stage: 'published',
    content: {
      title: '骑手接到“客服”电话办理退款，反被套走积蓄',
      fraudType: 'fake_customer_service',
      summary:
        '外卖骑手刘某接到自称电商平台客服的电话，称其购买的商品有质量问题可以“三倍理赔”，在对方指导下开通屏幕共享，银行卡内1.8万元被转走。',
      body: '对方准确说出了刘某的订单信息，取得信任后要求下载会议软件并**共享屏幕**，从而看到了验证码。\n\n- 正规平台退款原路返回，不需要你操作转账；\n- 任何要求屏幕共享的“客服”都是骗子。',
      caseDate: '2025-03-12',
      region: '香河县',
      lossFen: 1_800_000,
      victimProfile: { ageBand: '30_44', occupation: '外卖骑手' },
      modusOperandi: '冒充客服→准确报出订单信息→“理赔”“退款”→屏幕共享获取验证码',
      ...signsAndAdvice(
        ['“客服”主动来电说要给你退款、理赔', '要求下载会议软件、开启屏幕共享', '索要短信验证码'],
        ['退款理赔只通过官方APP办理', '验证码不告诉任何人', '来电号码可疑时回拨官方客服核实'],
      ),
      audiences: ['riders', 'general_public'],
      tags: ['平安配送', '屏幕共享'],
    },
  },
  {
    id: '6650c0de0000000000000005',
    stage: 'published',
    content: {
      title: '“老板”微信要求紧急转账，公司会计险些中招',
      fraudType: 'impersonate_acquaintance',
      summary:
        '某企业会计收到“老板”微信好友申请，对方以急需支付合同保证金为由要求转账20万元。会计按公司规定电话核实，识破骗局。',
      body: '骗子使用与老板相同的头像和昵称，将会计拉进一个“工作群”，群里其他“同事”也都是骗子。\n\n企业财务人员务必坚持**当面或电话双重核实**制度。',
      caseDate: '2025-02-25',
      region: '香河县经济开发区',
      lossFen: 0,
      victimProfile: { ageBand: '30_44', occupation: '企业会计' },
      modusOperandi: '仿冒老板社交账号→拉入虚假工作群→以合同保证金为由催促转账',
      ...signsAndAdvice(
        ['“领导”用新账号加你并催促转账', '工作群里除你之外都是陌生账号', '强调“急”“保密”'],
        ['转账前电话或当面向本人核实', '企业建立付款双人复核制度'],
      ),
      audiences: ['enterprise_staff', 'merchants'],
      tags: ['企业', '财务'],
    },
  },
  {
    id: '6650c0de0000000000000006',
    stage: 'published',
    content: {
      title: '网恋对象带你“投资”，是杀猪盘',
      fraudType: 'online_romance',
      summary:
        '单身男子赵某在婚恋网站结识“女友”，交往两个月后被带入博彩投资平台，先后投入15万元后对方失联。',
      body: '“杀猪盘”先“养猪”：长期嘘寒问暖、建立感情；再“杀猪”：以内部消息、平台漏洞为由诱导投资。\n\n从未见面、却总谈投资赚钱的网恋对象，请提高警惕。',
      caseDate: '2024-12-20',
      region: '香河县安平镇',
      lossFen: 15_000_000,
      victimProfile: { ageBand: '30_44', occupation: '企业职工' },
      modusOperandi: '婚恋网站结识→长期培养感情→推荐“内部”投资平台→大额投入后失联',
      ...signsAndAdvice(
        ['从未见面的网友频繁谈投资', '声称掌握平台漏洞、内部消息'],
        ['网上交友不谈钱', '拒绝任何陌生平台投资'],
      ),
      audiences: ['enterprise_staff', 'general_public'],
      tags: ['杀猪盘'],
    },
  },
  {
    id: '6650c0de0000000000000007',
    stage: 'in_review',
    content: {
      title: '“注销校园贷”影响征信？假的！',
      fraudType: 'fake_credit_repair',
      summary:
        '刚毕业的陈某接到自称金融平台客服的电话，称其大学期间开通的“校园贷”未注销会影响征信，被诱导在多个平台贷款后转给对方“清空额度”，损失9万元。',
      body: '征信记录只能由中国人民银行征信中心依法记录，**任何个人和机构都无法“修复”“洗白”征信**。\n\n遇到类似电话，请直接挂断。手机号已脱敏示例：138****5678。',
      caseDate: '2025-03-15',
      region: '香河县',
      lossFen: 9_000_000,
      victimProfile: { ageBand: '18_29', occupation: '应届毕业生' },
      modusOperandi: '冒充金融平台客服→称校园贷影响征信→诱导网贷→转账“清空额度”',
      ...signsAndAdvice(
        ['称你的“校园贷”需要注销', '要求你贷款后转给对方“清额度”'],
        ['征信问题到人民银行征信中心查询', '不向陌生账户转账'],
      ),
      audiences: ['students', 'parents'],
      tags: ['征信', '校园贷'],
    },
  },
  {
    id: '6650c0de0000000000000008',
    stage: 'in_review',
    content: {
      title: '低价买游戏装备，钱付了号没了',
      fraudType: 'fake_game_trading',
      summary:
        '初中生小周在游戏群看到低价出售稀有皮肤，添加卖家后被引导到虚假交易平台付款，又以“账户冻结需解冻”为由被骗走家长手机里的6千元。',
      body: '孩子用家长手机支付的情况很常见，家长要管好支付密码和免密支付。\n\n游戏交易只通过游戏官方渠道。',
      caseDate: '2025-03-01',
      region: '香河县',
      lossFen: 600_000,
      victimProfile: { ageBand: 'under_18', occupation: '初中生' },
      modusOperandi: '游戏群低价引流→虚假交易平台→“冻结”“解冻”反复索要',
      ...signsAndAdvice(
        ['远低于市场价的游戏装备、皮肤', '要求到陌生网站交易'],
        ['家长管好支付密码，关闭免密支付', '游戏交易只走官方平台'],
      ),
      audiences: ['students', 'parents'],
      tags: ['未成年人'],
    },
  },
  {
    id: '6650c0de0000000000000009',
    stage: 'draft',
    content: {
      title: '“无抵押秒放款”先交手续费',
      fraudType: 'fake_loan',
      summary:
        '小商户经营者孙某急需周转资金，在网上找到“低息秒放款”平台，先后缴纳“手续费”“解冻金”共3.2万元，始终未拿到贷款。',
      body: '正规贷款**放款前不收取任何费用**。所谓“流水不足”“银行卡号填错被冻结”都是诈骗话术。',
      caseDate: '2025-03-18',
      region: '香河县钳屯镇',
      lossFen: 3_200_000,
      victimProfile: { ageBand: '45_59', occupation: '个体商户' },
      modusOperandi: '网络广告→虚假贷款APP→以手续费、解冻金为由反复收费',
      ...signsAndAdvice(
        ['放款前先收费', '声称卡号填错、需要交解冻金'],
        ['贷款到正规银行或持牌机构办理', '先交钱的贷款一律拒绝'],
      ),
      audiences: ['merchants', 'general_public'],
      tags: ['小微商户'],
    },
  },
];
