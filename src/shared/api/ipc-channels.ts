export const IPC_INVOKE_CHANNEL = 'gaitlab:invoke';
export const IPC_EVENT_CHANNEL = 'gaitlab:event';
export const IPC_REPORT_PDF_CHANNEL = 'gaitlab:report-pdf';
