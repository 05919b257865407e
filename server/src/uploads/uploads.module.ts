import { Module } from '@nestjs/common';
import { HtmlSanitizer } from '../articles/html-sanitizer.js';
import { AuditModule } from '../audit/audit.module.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { createImageStorage } from './image-storage.js';
import { OwnImages } from './own-images.js';
import { UploadsController } from './uploads.controller.js';
import { UploadsRepository } from './uploads.repository.js';
import { IMAGE_STORAGE, UploadsService } from './uploads.service.js';

@Module({
  imports: [AuditModule],
  controllers: [UploadsController],
  providers: [
    UploadsRepository,
    UploadsService,
    OwnImages,
    HtmlSanitizer,
    { provide: IMAGE_STORAGE, useFactory: (config: AppConfig) => createImageStorage(config), inject: [APP_CONFIG] },
  ],
  exports: [UploadsRepository, IMAGE_STORAGE, OwnImages],
})
export class UploadsModule {}
