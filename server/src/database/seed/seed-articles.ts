import type { ArticleKind } from '@linli/shared';
import { sanitizeArticleHtml } from '../../articles/article-html.js';
import { CacheInvalidator } from '../../common/cache-invalidator.js';
import { ArticlesRepository } from '../../articles/articles.repository.js';
import type { Database } from '../database.js';

const DAY = 24 * 3600_000;

interface DemoArticle {
  kind: ArticleKind;
  title: string;
  summary: string;
  body: string;
  pinned?: boolean;
  /** Published this many days ago. */
  daysAgo: number;
}

const DEMO_ARTICLES: DemoArticle[] = [
  {
    kind: 'notice',
    title: '本周三上午小区停水通知',
    summary: '周三 9:00–12:00 全小区停水，请提前储水',
    body:
      '<h2>停水时间</h2><p>本周三上午 <strong>9:00 至 12:00</strong>，自来水公司更换主管道阀门，全小区停水。</p>' +
      '<h2>请您注意</h2><ul><li>请提前接好饮用水和生活用水</li><li>来水后先放一会儿水，等水清了再用</li>' +
      '<li>家中有行动不便老人的，可以打居委会电话，志愿者会送水上门</li></ul>',
    pinned: true,
    daysAgo: 1,
  },
  {
    kind: 'policy',
    title: '一图读懂：高龄津贴怎么领',
    summary: '80 周岁以上老人每月可领高龄津贴，社区代办',
    body:
      '<p>年满 <strong>80 周岁</strong>、户籍在本街道的老人，每月可以领取高龄津贴。</p>' +
      '<h2>怎么办理</h2><ol><li>带上身份证、户口本和银行卡</li><li>到社区服务站一楼窗口填表</li><li>审核通过后，次月起按月发到银行卡</li></ol>' +
      '<p>行动不便的，可以请家人代办，或者打电话请社工上门办理。</p>',
    daysAgo: 4,
  },
  {
    kind: 'review',
    title: '中秋游园会圆满举办',
    summary: '猜灯谜、做月饼，200 多位居民一起过中秋',
    body:
      '<p>中秋游园会在社区中心广场举办，<strong>200 多位</strong>居民参加，巾帼志愿服务队的 15 位志愿者全程服务。</p>' +
      '<ul><li>猜灯谜：送出奖品 120 份</li><li>亲子做月饼：30 个家庭参加</li><li>为 60 位老人免费量血压</li></ul><p>感谢大家的参与，我们明年再见！</p>',
    daysAgo: 6,
  },
];

/** A pinned notice, a policy explainer and a review, so 首页 of the demo is not empty. */
export async function seedDemoArticles(db: Database, ids: { communityId: number; createdBy: number }, now: Date): Promise<void> {
  // Seeding runs before the app serves anything: nothing cached to drop.
  const articles = new ArticlesRepository(db, new CacheInvalidator(db));
  for (const demo of DEMO_ARTICLES) {
    const publishedAt = new Date(Math.floor((now.getTime() - demo.daysAgo * DAY) / 1000) * 1000);
    await articles.insert({
      communityId: ids.communityId,
      organisationId: null,
      createdBy: ids.createdBy,
      kind: demo.kind,
      title: demo.title,
      coverUrl: null,
      summary: demo.summary,
      body: sanitizeArticleHtml(demo.body, () => false),
      activityId: null,
      pollId: null,
      pinned: demo.pinned ? 1 : 0,
      status: 'published',
      publishedAt,
      createdAt: publishedAt,
    });
  }
}
