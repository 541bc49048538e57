/** The player page (play.html): a package's course in its LMS, with the LMS panel. */
import './components/preview-player/preview-player.js';
