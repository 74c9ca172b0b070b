import 'vuetify/styles';
import { createVuetify } from 'vuetify';
import * as components from 'vuetify/components';
import * as directives from 'vuetify/directives';
import { aliases, mdi } from 'vuetify/iconsets/mdi';

export function makeVuetify() {
  return createVuetify({
    components,
    directives,
    icons: { defaultSet: 'mdi', aliases, sets: { mdi } },
    // Light or dark as the OS says, and follow it when it changes.
    theme: {
      defaultTheme: 'system',
      // Medium emphasis (labels, hints) is raised from Vuetify's default so that it meets WCAG AA
      // contrast (4.5:1); the default measured 4.29:1 on white (axe, test/renderer).
      themes: {
        light: { colors: { primary: '#0b5cad', secondary: '#4a5a6a' }, variables: { 'medium-emphasis-opacity': 0.74 } },
        // A light primary needs dark text on it to stay readable.
        dark: { colors: { primary: '#6aa9ee', 'on-primary': '#0a1a2e', secondary: '#a9b6c3' }, variables: { 'medium-emphasis-opacity': 0.78 } },
      },
    },
    defaults: {
      VTextField: { variant: 'outlined', density: 'comfortable' },
      VTextarea: { variant: 'outlined', density: 'comfortable' },
      VSelect: { variant: 'outlined', density: 'comfortable' },
    },
  });
}

export const vuetify = makeVuetify();
