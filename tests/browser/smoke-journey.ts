/**
 * The smoke journey: a learner reads every page, does the activities and the
 * reflections, fails the quiz by one answer, retakes it and passes at exactly
 * the pass mark. Every expectation comes from the lesson being taken (its
 * pages, questions and passing score), so it runs on the shipped lesson and on
 * any author's edit of it alike.
 */
import { expect } from '@playwright/test';
import type { CoursePage } from '../../hosts/learner/course-page.js';

export async function smokeJourney(course: CoursePage): Promise<void> {
  const { facts } = course;
  const { lesson, quiz } = facts;
  await expect(course.page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
  await course.visitAllPages();
  await course.doActivitiesAndReflections();

  // One right answer short of the pass mark: not passed, with the course's own pass mark.
  const pass = facts.fewestToPass;
  await course.openQuiz();
  await course.takeQuiz(facts.answersWithCorrect(pass - 1));
  const summary = course.main.getByRole('status').filter({ hasText: 'This attempt' });
  await expect(summary).toContainText(facts.scoreText(pass - 1));
  await expect(course.main).toContainText(`Not passed yet. The passing score is ${facts.passPercent} %.`);
  // The feedback shows every question as the author wrote it.
  for (const question of quiz.questions) await expect(course.main).toContainText(question.stem);

  // Exactly at the pass mark: passed.
  await course.main.getByRole('button', { name: 'Take the quiz again' }).click();
  await course.takeQuiz(facts.answersWithCorrect(pass));
  await expect(summary).toContainText(facts.scoreText(pass));
  await expect(course.main).toContainText(`Passed. The passing score is ${facts.passPercent} %.`);

  // Every page read, every activity done, the quiz passed: all of it done, and the lesson says complete.
  const progress = course.page.getByRole('progressbar', { name: 'Lesson progress' });
  const pages = lesson.pages.length;
  await expect(progress).toHaveAttribute('aria-valuetext', `${pages} of ${pages} pages done`);
  await course.openEndScreen();
  await expect(course.main.getByRole('heading', { level: 2 })).toHaveText('Lesson complete');
}
