/**
 * Entry point: the compiled lesson and the build's tracker (one per package:
 * web, SCORM 1.2, SCORM 2004, xAPI or cmi5) meet here and mount the shell.
 */
import lesson from 'virtual:lesson';
import { createTracker } from 'virtual:tracker';
import { LessonSession } from './app/lesson-session.js';
import './components/lesson-app/lesson-app.js';

const app = document.createElement('lesson-app');
// The session is set before the element is connected: the shell starts it on connect.
app.session = new LessonSession(lesson, createTracker(lesson));
document.body.prepend(app);
// The static header index.html shows while the script loads (src/build/boot-shell.ts) gives way to
// the shell's own, which renders before the next frame: the learner sees no gap and one h1.
document.querySelector('header.boot')?.remove();
