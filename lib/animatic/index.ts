// The animatic timeline: pure planning of every frame the renderer draws. Import from '@/lib/animatic'.
export { easeInOut, frameShaped, fullFrame, interpolateFraming, moveFramings, tightestFraming } from './camera-framing'
export {
  assertRenderable,
  longPanelLabel,
  planAnimatic,
  shortPanelLabel,
  type AnimaticOverlays,
  type AnimaticPanelInput,
  type AnimaticPlan,
  type AnimaticSettings,
  type AnimaticWarning,
  type FrameLayer,
  type PanelNumbers,
  type PlannedFrame,
  type PlannedPanel,
  type PlannedTransition,
} from './plan-animatic'
