/**
 * Spread on a tappable <View role='button'>: h5 puts it in the keyboard's tab order (and so a
 * long list stays scrollable without a touch screen, axe "scrollable-region-focusable"). Taro's
 * View types do not list tabIndex; WeChat's own components ignore it.
 */
export const FOCUSABLE: object = { tabIndex: 0 };
