/** The Report page (report.html): the item analysis over the preview's learner records. */
import './components/preview-report/preview-report.js';
