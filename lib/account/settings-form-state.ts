// Shared by the settings forms (in the browser) and their server actions: no server code.

/** What a settings action answers: whether it worked, in words to show beside the form. */
export interface SettingsFormState {
  ok: boolean;
  message: string;
}

export const emptySettingsFormState: SettingsFormState = { ok: false, message: '' };
