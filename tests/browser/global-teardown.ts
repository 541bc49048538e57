import { printFaultTable } from './fault-report.js';

export default function globalTeardown() {
  printFaultTable();
}
