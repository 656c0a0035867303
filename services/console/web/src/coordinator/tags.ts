// Status tag colours dark enough for white text at WCAG AA (antd's light presets are not, by axe-core).
export const TAG = {
  green: '#237804',
  red: '#a8071a',
  orange: '#ad4e00',
  blue: '#0958d9',
} as const;
