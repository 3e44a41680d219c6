import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import { CustomerNumberField } from './modem.dto';

export class VerifyLineDto {
  @CustomerNumberField('As the caller says it; case, spaces and dashes do not matter.')
  customerNumber!: string;

  @ApiPropertyOptional({
    description:
      'The account holder (second factor: fullName or address, or both). Case, spacing and Polish diacritics ' +
      'do not matter.',
    minLength: 1,
    maxLength: 200,
    example: 'jan iksinski',
  })
  @ValidateIf((o: VerifyLineDto) => o.address === undefined || o.fullName !== undefined)
  @IsDefined({ message: 'fullName or address is required (the second factor)' })
  @IsString()
  @Length(1, 200)
  fullName?: string;

  @ApiPropertyOptional({
    description:
      'The postal address (second factor). Street prefixes do not matter ("ul. Długa 5 m. 12" = "Długa 5/12"); ' +
      'house and flat numbers do.',
    minLength: 1,
    maxLength: 300,
    example: 'Długa 5/12',
  })
  @ValidateIf((o: VerifyLineDto) => o.fullName === undefined || o.address !== undefined)
  @IsDefined({ message: 'address or fullName is required (the second factor)' })
  @IsString()
  @Length(1, 300)
  address?: string;
}

export class RebootDto {
  @ApiProperty({
    description: 'Why, for the audit log.',
    minLength: 3,
    maxLength: 500,
    example: 'MARGINAL: uncorrectables on DS 1-3, customer consents',
  })
  @IsString()
  @Length(3, 500)
  reason!: string;
}

export class ActionIdParam {
  @ApiProperty({
    description: 'The action id from POST /modems/{id}/reboot.',
    maxLength: 64,
    example: 'act-mww5arux-19daa6',
  })
  @IsString()
  @MaxLength(64)
  id!: string;
}
