import { mount } from '../shared/ui';
mount(<p>console</p>);
