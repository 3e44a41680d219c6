import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import type { Caller } from '../domain/api-key';
import { CurrentCaller } from '../auth/caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { Messages } from '../i18n/messages';
import { VerificationService, type VerifyResult } from '../lines/verification.service';
import { VerifyLineDto } from './dto/lines.dto';
import { LinesDocs } from './docs/lines.docs';

@ApiTags('lines')
@Controller('api/v1/lines')
export class LinesController {
  constructor(
    private readonly verification: VerificationService,
    private readonly messages: Messages,
  ) {}

  /** 200 either way: `verified` says whether it matched; never which part did not. 429 while locked out. */
  @Post('verify')
  @HttpCode(200)
  @Roles('agent')
  @LinesDocs.verify()
  verify(
    @Body() body: VerifyLineDto,
    @CurrentCaller() caller: Caller,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VerifyResult> {
    const lang = this.messages.negotiate(acceptLanguage);
    // The call scripts are in this language.
    res.setHeader('Content-Language', lang);
    res.vary('Accept-Language');
    return this.verification.verify(body, caller, 'http', lang);
  }
}
