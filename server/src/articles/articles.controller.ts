import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { ArticlesService } from './articles.service.js';

@Controller()
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Endpoint(routes.feed)
  feed(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.feed>) {
    return this.articles.feed(auth, query);
  }

  @Endpoint(routes.listArticles)
  list(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.listArticles>) {
    return this.articles.list(auth, query);
  }

  @Endpoint(routes.getArticle)
  get(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.getArticle>) {
    return this.articles.get(auth, params.id);
  }

  @Endpoint(routes.createArticle)
  create(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createArticle>) {
    return this.articles.create(auth, body);
  }

  @Endpoint(routes.updateArticle)
  update(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.updateArticle>) {
    return this.articles.update(auth, params.id, body);
  }

  @Endpoint(routes.publishArticle)
  publish(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.publishArticle>) {
    return this.articles.publish(auth, params.id, body.publishAt);
  }

  @Endpoint(routes.withdrawArticle)
  withdraw(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.withdrawArticle>) {
    return this.articles.withdraw(auth, params.id);
  }
}
