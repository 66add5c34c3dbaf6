export default definePageConfig({ navigationBarTitleText: '扫码反映' });
