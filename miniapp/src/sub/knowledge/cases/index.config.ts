export default definePageConfig({ navigationBarTitleText: '办理案例', onReachBottomDistance: 120 });
