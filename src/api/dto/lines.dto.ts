import { IsDefined, IsString, Length, MaxLength, ValidateIf } from 'class-validator';

export class VerifyLineDto {
  @IsString() @Length(1, 64) customerNumber!: string;

  @ValidateIf((o: VerifyLineDto) => o.address === undefined || o.fullName !== undefined)
  @IsDefined({ message: 'fullName or address is required (the second factor)' })
  @IsString()
  @Length(1, 200)
  fullName?: string;

  @ValidateIf((o: VerifyLineDto) => o.fullName === undefined || o.address !== undefined)
  @IsDefined({ message: 'address or fullName is required (the second factor)' })
  @IsString()
  @Length(1, 300)
  address?: string;
}

export class RebootDto {
  @IsString() @Length(3, 500) reason!: string;
}

export class ActionIdParam {
  @IsString() @MaxLength(64) id!: string;
}
