import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { problemMessage } from './problem';

/** Shows failed API calls to the user in a snackbar. */
@Injectable({ providedIn: 'root' })
export class ApiErrorHandler {
  private readonly snackBar = inject(MatSnackBar);

  handle(error: unknown): void {
    this.snackBar.open(problemMessage(error), 'Dismiss', { duration: 8000 });
  }
}
