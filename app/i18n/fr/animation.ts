/** The words of the animation pages. */
export const animation = {};
