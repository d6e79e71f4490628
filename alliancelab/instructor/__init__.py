"""Instructor commands: generate exercises from solutions, grade submissions, export quizzes, report."""
