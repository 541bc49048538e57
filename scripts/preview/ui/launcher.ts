/** The launcher page (index.html): every built package, ready to launch. */
import './components/preview-launcher/preview-launcher.js';
