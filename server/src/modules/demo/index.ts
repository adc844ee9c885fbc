export { seedDemoStreet, isDemoSeeded, demoLoginList, DEMO_STREET_CODE, type DemoLogin } from './demo.seed.js';
