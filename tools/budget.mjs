// The first view's byte budget, held by e2e/budget.test.mjs and reported by tools/bench.mjs:
// brotli bytes a cold load of the standalone page downloads before `data-ready`.
//
// The target is 120 KB (goal 80 KB). This limit is what the build achieves today plus a
// small margin, so CI stops any growth while the gap is closed; lower it with every saving, never
// raise it without a measured reason noted on the issue. See README, "Performance report".
export const FIRST_VIEW_BUDGET_BYTES = 228_000;

/** The target, for reports. */
export const FIRST_VIEW_TARGET_BYTES = 120_000;
