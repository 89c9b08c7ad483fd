// The widget's hooks as selectors, one place for every suite that drives it (the Playwright
// journeys, the cross-engine smoke suite, the integrity checks). Selectors only: each suite's
// driver does the clicking.
export const SEL = {
  /** The app root once its first view is interactive. */
  ready: '.kg-app[data-ready="true"]',
  tab: (section) => `[role=tab][data-tab="${section}"]`,
  selectedTab: '[role=tab][aria-selected="true"]',
  panel: (section) => `[role=tabpanel][data-section="${section}"]`,
  /** The readable error panel inside one tool's panel (the contract: class or role). */
  errorPanel: (section) => `[data-section="${section}"] .kg-error, [data-section="${section}"] [role="alert"]`,
  question: "fieldset[data-question]",
  questionNamed: (id) => `fieldset[data-question="${id}"]`,
  firstAnswer: "fieldset[data-question] input",
  next: 'button[data-action="next"]',
  back: 'button[data-action="back"]',
  search: '[data-section="myths"] input[type="search"]',
  claim: '[data-section="myths"] article[data-claim-id]',
  claimToggle: "button[aria-expanded]",
  source: "[data-source]",
  costNumber: '[data-section="cost"] input[type="number"]',
  estimate: "[data-estimate]",
};
