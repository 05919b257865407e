import { buildPath, routes } from '@linli/shared'
import { downloadFile } from '../../../lib/download'

/** The attendee list as an Excel file (saved in H5, opened in WeChat's document viewer). */
export function exportSignups(activityId: number, title: string): Promise<void> {
  return downloadFile(`${buildPath(routes.exportSignups.path, { id: activityId })}?format=xlsx`, `报名名单-${title}.xlsx`, '没能导出名单，请稍后再试')
}
