import { createApp } from 'vue';
import { createPinia } from 'pinia';
import '@fontsource/roboto/400.css';
import '@fontsource/roboto/500.css';
import '@fontsource/roboto/700.css';
import '@mdi/font/css/materialdesignicons.css';
import { vuetify } from './plugins/vuetify';
import App from './App.vue';

createApp(App).use(createPinia()).use(vuetify).mount('#app');
