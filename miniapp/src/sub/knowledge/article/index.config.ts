export default definePageConfig({ navigationBarTitleText: '答复详情' });
