import { Controller, HttpCode, Module, Post } from '@nestjs/common';

/** Answers the widget-auth path with a constant: the HTTP stack with no product work behind it. */
@Controller('internal/widget')
class ConstantController {
  @Post('auth')
  @HttpCode(200)
  answer(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [ConstantController] })
export class ConstantServerModule {}
