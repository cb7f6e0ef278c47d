/** 1.6 px per minute: a 30-minute target is 48 px tall, above the 44 px of WCAG 2.5.5. */
export const PX_PER_MINUTE = 1.6;
