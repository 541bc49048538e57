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
