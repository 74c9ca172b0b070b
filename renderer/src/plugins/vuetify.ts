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
      themes: {
        light: { colors: { primary: '#0b5cad', secondary: '#4a5a6a' } },
        dark: { colors: { primary: '#6aa9ee', secondary: '#a9b6c3' } },
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
