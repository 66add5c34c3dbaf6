/** The browser has no WeChat subscribe messages: the citizen follows progress in 「我的诉求」. */
export async function askForNotices(): Promise<void> {}
