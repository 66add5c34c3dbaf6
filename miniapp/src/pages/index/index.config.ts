export default definePageConfig({ navigationBarTitleText: '码上反映·马上办理' });
