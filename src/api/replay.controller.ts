import { BadRequestException, Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ReplayQuery } from './dto/replay.dto';
import { TextBody } from './request-body';
import { Roles } from '../auth/roles.decorator';
import { ReplayService } from '../simulator/replay.service';
import { ReplayDocs, NOT_TEXT } from './docs/replay.docs';

/** A whole-device walk of a modem is a few hundred KB; a CMTS's DOCSIS tables for thousands of modems, megabytes. */
export const MAX_CAPTURE_BYTES = 20 << 20;

@ApiTags('simulator')
@Controller('api/v1/simulator')
@Roles('operator')
export class ReplayController {
  constructor(private readonly replays: ReplayService) {}

  @Post('replays')
  @HttpCode(201)
  @TextBody({ types: ['text/plain'], limitBytes: MAX_CAPTURE_BYTES })
  @ReplayDocs.register()
  async register(@Req() req: Request, @Query() q: ReplayQuery) {
    const text = readCapture(req);
    return this.replays.register(text, {
      as: q.as,
      format: q.format,
      cmtsId: q.cmtsId,
      mac: q.mac,
      setPointDbmv: q.setPointDbmv,
    });
  }
}

/** The text/plain body, read after the guards by the app's body interceptor with this route's own limit. */
function readCapture(req: Request): string {
  if (typeof req.body !== 'string') {
    throw new BadRequestException(NOT_TEXT);
  }
  return req.body;
}
