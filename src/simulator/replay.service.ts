import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '../common/app-errors';
import { CmtsService } from '../cmts/cmts.service';
import { AppConfig } from '../config/app-config';
import { InventoryService } from '../inventory/inventory.service';
import { describeCaptureErrors, parseCapture, type CaptureFormat } from '../mib/parse-capture';
import { captureModemMac, ReplayedDevice, replayIdFor, type ReplayKind } from './replay';
import { SimulatorService } from './simulator.service';

export interface ReplayRegistration {
  id: string;
  kind: ReplayKind;
  format: CaptureFormat;
  objects: number;
  exceptions: number;
  mac: string | null;
  cmtsId: string | null;
  next: string;
  registeredAt: string;
}

export interface ReplayOptions {
  as: ReplayKind;
  format?: CaptureFormat;
  cmtsId?: string;
  mac?: string;
  setPointDbmv?: number;
}

/** Registers captured walks: served by the simulator's agent, and in the inventory like any device. */
@Injectable()
export class ReplayService {
  constructor(
    private readonly config: AppConfig,
    private readonly simulator: SimulatorService,
    private readonly inventory: InventoryService,
    private readonly cmts: CmtsService,
  ) {}

  async register(text: string, options: ReplayOptions): Promise<ReplayRegistration> {
    const result = parseCapture(text, options.format);
    if (!result.ok) {
      const lines = describeCaptureErrors(result);
      throw new InvalidInputError(
        result.errors.map((e) => ({ field: e.line ? `line ${e.line}` : 'capture', problems: [e.message] })),
        `the capture is not a ${result.format} walk: ${lines.join(' | ')}`,
      );
    }
    const { capture } = result;
    const kind = options.as;
    if (kind === 'modem' && options.cmtsId) {
      // 404 for a CMTS that is not registered.
      await this.cmts.get(options.cmtsId);
    }
    const id = replayIdFor(kind, text);
    const device = this.simulator.replays.add(new ReplayedDevice(id, kind, capture.format, capture));
    const endpoint = {
      host: this.config.simulator.host,
      port: this.simulator.snmpPort,
      snmp: { version: '2c' as const, community: id },
    };
    let mac: string | null = null;
    if (kind === 'cmts') {
      // Not discovered: its rows would claim whichever registered modems share their MACs. A replayed modem
      // names it as cmtsId instead.
      await this.cmts.put(id, { ...endpoint, setPointDbmv: options.setPointDbmv ?? 0 });
    } else {
      mac = options.mac?.toLowerCase() ?? captureModemMac(capture) ?? null;
      await this.inventory.put(id, {
        ...endpoint,
        ...(mac && { mac }),
        ...(options.cmtsId && { cmtsId: options.cmtsId }),
      });
    }
    return {
      id,
      kind,
      format: capture.format,
      objects: device.objects,
      exceptions: capture.exceptions.length,
      mac,
      cmtsId: kind === 'modem' ? (options.cmtsId ?? null) : null,
      next: kind === 'cmts' ? `/api/v1/cmts/${id}` : `/api/v1/modems/${id}/diagnosis`,
      registeredAt: device.registeredAt.toISOString(),
    };
  }
}
